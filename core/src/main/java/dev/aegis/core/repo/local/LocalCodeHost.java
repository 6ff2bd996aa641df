package dev.aegis.core.repo.local;

import dev.aegis.core.git.Git;
import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.repo.PullRequestDraft;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A code host over a local bare git repository: branch refs and commits are real git objects (ref creation
 * and fast-forwards are atomic {@code git update-ref} compare-and-swaps), pull requests are kept in memory.
 * It backs {@code aegis demo}, where the workspace's {@code origin} is that bare repository.
 */
public final class LocalCodeHost implements CodeHost {
  private static final Map<String, String> IDENTITY = Map.of(
      "GIT_AUTHOR_NAME", "Aegis", "GIT_AUTHOR_EMAIL", "aegis@users.noreply.github.com",
      "GIT_COMMITTER_NAME", "Aegis", "GIT_COMMITTER_EMAIL", "aegis@users.noreply.github.com");

  private final String repository;
  private final Git git;
  private final java.time.Clock clock;
  private final List<Stored> pulls = new ArrayList<>();

  /**
   * @param repository the {@code owner/name} to report
   * @param bare path of the bare repository
   * @param git Aegis's git (any directory: it is moved to {@code bare})
   */
  public LocalCodeHost(String repository, Path bare, Git git) {
    this(repository, bare, git, java.time.Clock.systemUTC());
  }

  /**
   * @param clock dates the commits this host makes (GitHub dates them by its own clock, which Aegis assumes
   *     agrees with the runner's within seconds; a test clock keeps the two in step here)
   */
  public LocalCodeHost(String repository, Path bare, Git git, java.time.Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.git = git.in(bare);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String repository() {
    return repository;
  }

  @Override
  public String defaultBranch() {
    return git.run("symbolic-ref", "--short", "HEAD");
  }

  @Override
  public Optional<String> branchHead(String branch) {
    String ref = "refs/heads/" + branch;
    return git.succeeds("show-ref", "--verify", "--quiet", ref)
        ? Optional.of(git.run("rev-parse", ref))
        : Optional.empty();
  }

  @Override
  public CommitInfo commit(String sha) {
    String raw = git.run("show", "-s", "--format=%T%n%P%n%ct%n%B", sha);
    String[] lines = raw.split("\n", 4);
    List<String> parents = lines[1].isBlank() ? List.of() : Arrays.asList(lines[1].trim().split(" "));
    return new CommitInfo(git.run("rev-parse", sha), lines[0], parents,
        lines.length > 3 ? lines[3] : "", Instant.ofEpochSecond(Long.parseLong(lines[2].trim())));
  }

  @Override
  public String createCommit(String tree, List<String> parents, String message) {
    List<String> args = new ArrayList<>(List.of("commit-tree", tree));
    for (String p : parents) {
      args.add("-p");
      args.add(p);
    }
    String date = clock.instant().getEpochSecond() + " +0000";
    Map<String, String> env = new java.util.HashMap<>(IDENTITY);
    env.put("GIT_AUTHOR_DATE", date);
    env.put("GIT_COMMITTER_DATE", date);
    return git.run(args, env, message);
  }

  @Override
  public boolean createBranch(String branch, String sha) {
    return git.succeeds("update-ref", "refs/heads/" + branch, sha, "")
        || branchHead(branch).filter(sha::equals).isPresent();
  }

  @Override
  public boolean fastForward(String branch, String sha) {
    Optional<String> old = branchHead(branch);
    if (old.isEmpty() || !git.succeeds("merge-base", "--is-ancestor", old.get(), sha)) {
      return false;
    }
    return git.succeeds("update-ref", "refs/heads/" + branch, sha, old.get());
  }

  @Override
  public void deleteBranch(String branch) {
    if (branchHead(branch).isPresent()) {
      git.run("update-ref", "-d", "refs/heads/" + branch);
    }
  }

  @Override
  public synchronized Optional<PullRequest> openPullRequest(String branch) {
    return pulls.stream().filter(p -> p.pr.head().equals(branch)).map(p -> p.pr).findFirst();
  }

  @Override
  public synchronized PullRequest createPullRequest(PullRequestDraft draft) {
    Optional<PullRequest> open = openPullRequest(draft.head());
    if (open.isPresent()) {
      return open.get();
    }
    int number = pulls.size() + 1;
    PullRequest pr = new PullRequest(number, git.dir().toUri() + "#pull/" + number, draft.head());
    pulls.add(new Stored(pr, draft));
    return pr;
  }

  /** The drafts pull requests were opened with, in order (for the demo's output and tests). */
  public synchronized List<PullRequestDraft> pullRequestDrafts() {
    return pulls.stream().map(p -> p.draft).toList();
  }

  private record Stored(PullRequest pr, PullRequestDraft draft) {}
}
