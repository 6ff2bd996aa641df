package dev.aegis.core.tracker.github;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.repo.PullRequestDraft;
import dev.aegis.core.repo.PullRequestRefusedException;
import dev.aegis.core.tracker.github.Failures.Need;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.kohsuke.github.GHCommitBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/**
 * Branches, commits and pull requests of one GitHub repository. Branch creation and fast-forwards rely on
 * GitHub's own atomic ref updates: {@code POST git/refs} fails with "Reference already exists" for everyone
 * but the first creator, and {@code PATCH git/refs} with {@code force: false} refuses what is not a
 * fast-forward from the ref's current value.
 */
final class GitHubCodeHost extends RepositoryApi implements CodeHost {
  private final Supplier<String> tokens;

  GitHubCodeHost(GitHubSettings settings, Supplier<GHRepository> repository, Rest rest, Failures failures,
      Supplier<String> tokens) {
    super(settings, repository, rest, failures);
    this.tokens = tokens;
  }

  /** The token git pushes with: the current one (an App's installation token is minted again before expiry). */
  @Override
  public Optional<String> pushToken() {
    return Optional.of(tokens.get());
  }

  @Override
  public String repository() {
    return settings.repository();
  }

  @Override
  public String defaultBranch() {
    return repository.get().getDefaultBranch();
  }

  /**
   * {@code permissions.push} of {@code GET /repos/{owner}/{repo}}. GitHub documents {@code permissions} as
   * optional in the {@code full-repository} schema; it is there for a user's token. For installation tokens we
   * assume it may be missing and answer "unknown" rather than guess: a refused push is then caught at the push.
   */
  @Override
  public Optional<Boolean> canPush() {
    return failures.call("reading the token's permissions on " + settings.repository(), Need.METADATA_READ, () -> {
      JsonNode push = rest.get(repoPath, Map.of()).path("permissions").path("push");
      return push.isBoolean() ? Optional.of(push.asBoolean()) : Optional.<Boolean>empty();
    });
  }

  /** {@code GET git/ref/heads/{branch}}: the exact-match endpoint (hub4j's getRef uses the prefix-match one). */
  @Override
  public Optional<String> branchHead(String branch) {
    return failures.call("reading branch " + branch, Need.CONTENTS_READ, () -> rest.find(
        refPath("git/ref/heads/", branch), Map.of()).map(ref -> ref.path("object").path("sha").asText()));
  }

  @Override
  public CommitInfo commit(String sha) {
    return failures.call("reading commit " + sha, Need.CONTENTS_READ,
        () -> Mapping.commit(rest.get(repoPath + "/git/commits/" + Mapping.segment(sha), Map.of())));
  }

  @Override
  public String createCommit(String tree, List<String> parents, String message) {
    return failures.call("creating a commit", Need.CONTENTS_WRITE, () -> {
      GHCommitBuilder commit = repository.get().createCommit().tree(tree).message(message);
      parents.forEach(commit::parent);
      return commit.create().getSHA1();
    });
  }

  @Override
  public boolean createBranch(String branch, String sha) {
    return failures.call("creating branch " + branch, Need.CONTENTS_WRITE, () -> {
      try {
        repository.get().createRef("refs/heads/" + branch, sha);
        return true;
      } catch (IOException e) {
        if (Failures.status(e) == 422 && Failures.githubMessage(e).contains("already exists")) {
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public boolean fastForward(String branch, String sha) {
    return failures.call("moving branch " + branch, Need.CONTENTS_WRITE, () -> {
      try {
        rest.send("PATCH", refPath("git/refs/heads/", branch), Map.of("sha", sha, "force", false));
        return true;
      } catch (GitHubHttpException e) {
        String why = e.githubMessage();
        if (e.status() == 422 && (why.contains("fast forward") || why.contains("cannot be updated"))) {
          return false;
        }
        throw e;
      }
    });
  }

  /**
   * {@code GET git/matching-refs/heads/{prefix}}: one request, GitHub matches a plain name prefix. The prefix is
   * sent without a trailing slash and the answer filtered here, so {@code aegis/} never matches {@code aegisx}.
   */
  @Override
  public Optional<List<String>> branchesStartingWith(String prefix) {
    return failures.call("listing branches starting with " + prefix, Need.CONTENTS_READ, () -> {
      String query = prefix.replaceAll("/+$", "");
      List<String> branches = new ArrayList<>();
      for (JsonNode ref : rest.list(refPath("git/matching-refs/", query.isEmpty() ? "heads" : "heads/" + query),
          Map.of())) {
        String name = ref.path("ref").asText().replaceFirst("^refs/heads/", "");
        if (name.startsWith(prefix)) {
          branches.add(name);
        }
      }
      branches.sort(null);
      return Optional.of(branches);
    });
  }

  @Override
  public void deleteBranch(String branch) {
    failures.call("deleting branch " + branch, Need.CONTENTS_WRITE, () -> {
      try {
        rest.send("DELETE", refPath("git/refs/heads/", branch), null);
      } catch (GitHubHttpException e) {
        if (e.status() != 404 && !(e.status() == 422 && e.githubMessage().contains("does not exist"))) {
          throw e;
        }
      }
      return null;
    });
  }

  @Override
  public Optional<PullRequest> openPullRequest(String branch) {
    return failures.call("looking for a pull request from " + branch, Need.PULL_REQUESTS_READ, () -> {
      for (GHPullRequest pr : repository.get().queryPullRequests().head(settings.owner() + ":" + branch)
          .state(GHIssueState.OPEN).list()) {
        return Optional.of(pullRequest(pr));
      }
      return Optional.empty();
    });
  }

  /**
   * Opens the pull request and labels it. When one is already open from the same branch (a re-run that crashed
   * after opening it), that one is labelled and returned instead: one branch, one pull request.
   */
  @Override
  public PullRequest createPullRequest(PullRequestDraft draft) {
    return failures.call("opening a pull request from " + draft.head(), Need.PULL_REQUESTS_WRITE, () -> {
      GHPullRequest pr;
      try {
        pr = repository.get().createPullRequest(draft.title(), draft.head(), draft.base(), draft.body());
      } catch (IOException e) {
        if (actionsMayNotCreatePullRequests(e)) {
          throw new PullRequestRefusedException("GitHub refused to open the pull request: \""
              + Failures.githubMessage(e) + "\" The repository does not allow the workflow's GITHUB_TOKEN to create "
              + "pull requests; the token's permissions are not the cause.", ACTIONS_SETTING_REMEDY, 403,
              settings.apiUrl() + "/" + repoPath + "/pulls", e);
        }
        Optional<PullRequest> existing = Failures.status(e) == 422
            && Failures.githubMessage(e).contains("already exists") ? openPullRequest(draft.head()) : Optional.empty();
        if (existing.isEmpty()) {
          throw e;
        }
        addLabels(existing.get().number(), draft.labels());
        return existing.get();
      }
      addLabels(pr.getNumber(), draft.labels());
      return pullRequest(pr);
    });
  }

  /**
   * GitHub's 403 when the repository (or its organization) has "Allow GitHub Actions to create and approve pull
   * requests" off. GitHub gives no error code for it, so it is told apart by its message ("GitHub Actions is not
   * permitted to create or approve pull requests."). If GitHub rewords it, the refusal falls back to the generic
   * 403 message (the token needs "Pull requests: write"), which still ends the run blocked with the branch named.
   */
  private static boolean actionsMayNotCreatePullRequests(IOException e) {
    return Failures.status(e) == 403
        && Failures.githubMessage(e).toLowerCase(java.util.Locale.ROOT).contains("not permitted to create or approve pull requests");
  }

  /** What a maintainer changes when GitHub Actions may not open pull requests. */
  static final String ACTIONS_SETTING_REMEDY = "In the repository's Settings > Actions > General > Workflow "
      + "permissions, tick \"Allow GitHub Actions to create and approve pull requests\" and save (an organization "
      + "or enterprise may have to allow it first, in its own Actions settings). Or give the action a GitHub App "
      + "installation token or a bot's personal access token as `github-token`: pull requests opened with those also "
      + "start the repository's own workflows.";

  private void addLabels(int number, List<String> labels) throws IOException {
    if (!labels.isEmpty()) {
      rest.send("POST", repoPath + "/issues/" + number + "/labels", Map.of("labels", labels));
    }
  }

  private String refPath(String prefix, String branch) {
    return repoPath + "/" + prefix + Mapping.segments(branch);
  }

  private static PullRequest pullRequest(GHPullRequest pr) {
    return new PullRequest(pr.getNumber(), pr.getHtmlUrl().toString(), pr.getHead().getRef());
  }
}
