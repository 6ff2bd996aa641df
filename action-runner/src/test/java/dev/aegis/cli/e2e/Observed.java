package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.RecordedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one repository on the fake GitHub holds and what it was asked, in the terms the end-to-end tests check:
 * status comments and their hidden state, phase labels, Aegis branches in the real git directory, and the
 * request log.
 */
final class Observed {
  private static final Pattern STATE = Pattern.compile("<!-- aegis:state (\\{.*?\\}) -->", Pattern.DOTALL);
  private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

  private final FakeGitHub fake;
  private final FakeRepository repo;
  private final Path scratch;

  /** {@code scratch} is a directory git may run in. */
  Observed(FakeGitHub fake, FakeRepository repo, Path scratch) {
    this.fake = fake;
    this.repo = repo;
    this.scratch = scratch;
  }

  /** Requests about the repository, in order. */
  List<RecordedRequest> requests() {
    String path = "/repos/" + repo.fullName().toLowerCase(Locale.ROOT) + "/";
    return fake.requests().stream()
        .filter(q -> (q.path().toLowerCase(Locale.ROOT) + "/").startsWith(path))
        .toList();
  }

  /** Requests to the repository that change something. */
  List<RecordedRequest> writes() {
    return requests().stream().filter(q -> WRITES.contains(q.method().toUpperCase(Locale.ROOT))).toList();
  }

  /** Listings of open issues filtered by GitHub on the bug and ready labels. */
  List<RecordedRequest> readyListings(String bug, String ready) {
    return requests().stream()
        .filter(q -> q.is("GET", "/repos/{owner}/{repo}/issues"))
        .filter(q -> URLDecoder.decode(q.query(), StandardCharsets.UTF_8).contains("labels=" + bug + "," + ready))
        .toList();
  }

  /** Comments by the Actions identity that carry a run's hidden state block. */
  List<FakeComment> statusComments(int issue) {
    return repo.comments(issue).stream()
        .filter(c -> c.author().equals(FakeGitHub.ACTIONS_BOT) && STATE.matcher(c.body()).find())
        .toList();
  }

  /** The {@code aegis:*} labels of an issue. */
  List<String> aegisLabels(int issue) {
    return repo.issue(issue).orElseThrow().labels().stream().filter(l -> l.startsWith("aegis:")).toList();
  }

  /** Every {@code refs/heads/aegis/...} ref in the repository's git directory. */
  List<String> aegisBranches() {
    String refs = git("for-each-ref", "--format=%(refname)", "refs/heads/aegis/");
    return refs.isBlank() ? List.of() : List.of(refs.strip().split("\n"));
  }

  /** The full message of a branch's tip commit. */
  String tipMessage(String branch) {
    return git("log", "-1", "--format=%B", "refs/heads/" + branch);
  }

  private String git(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--git-dir=" + repo.gitDir();
    System.arraycopy(args, 0, all, 1, args.length);
    return ActionsJob.gitOutput(scratch, all);
  }

  /** The hidden state block of a status comment, as JSON. */
  static JsonNode stateOf(FakeComment comment) {
    Matcher m = STATE.matcher(comment.body());
    assertThat(m.find()).as("state block in %s", comment.body()).isTrue();
    try {
      return new ObjectMapper().readTree(m.group(1));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
