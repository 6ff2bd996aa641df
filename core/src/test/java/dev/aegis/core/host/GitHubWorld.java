package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.flow.FakeEngines;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StateBlock;
import dev.aegis.core.support.MutableClock;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.github.GitHubSettings.RetryPolicy;
import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import dev.aegis.testkit.model.SampleProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plan-first loop on GitHub, in process: a {@link FakeGitHub} serving the calc sample from a real bare
 * {@code origin}, each job a fresh clone and one {@link CoreEntry#execute} of {@code aegis action} with the
 * standard GitHub connector, {@link FakeEngines} as the agent (the loop is not the point here), and a clock that the GitHub client's sleeper moves
 * (a retry after a rate limit or a backoff costs no real time). Reads need no faults: {@link #assertConverged}
 * says what one finished run looks like.
 */
final class GitHubWorld implements AutoCloseable {
  static final String REPO = "acme/calc";
  static final String BRANCH = "aegis/1-add-returns-the-difference";
  static final String BODY = """
      Calling add 2 3 from src/calc.sh prints -1 instead of 5; it should print the sum.
      Steps: run `sh test.sh`, which fails with "FAIL add: expected 5, got -1".
      """;
  /** Short enough that a silent fake costs little, long enough for a loaded machine's honest answers. */
  static final Duration TIMEOUT = Duration.ofMillis(1500);

  final Path dir;
  final MutableClock clock = new MutableClock(Instant.now());
  final FakeGitHub fake;
  final FakeRepository repo;
  final String token;
  final int issue;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final StateBlock blocks = new StateBlock();
  private int jobs;

  /** A world whose fake checks every exchange against GitHub's description. */
  GitHubWorld(Path dir) {
    this(dir, true);
  }

  /** @param contract false for a fake that checks nothing against GitHub's description (faster to start) */
  GitHubWorld(Path dir, boolean contract) {
    this.dir = dir;
    this.fake = contract ? FakeGitHub.start(clock) : FakeGitHub.startUnchecked(clock);
    try {
      Path project = SampleProject.create(dir.resolve("project"));
      Files.createDirectories(project.resolve(".aegis"));
      Files.writeString(project.resolve(".aegis/config.yml"), "test-command: sh test.sh\n");
      SampleProject.git(project, "add", "-A");
      SampleProject.git(project, "commit", "-q", "-m", "aegis: test command");
      Path bare = dir.resolve("calc.git");
      SampleProject.git(dir, "clone", "-q", "--bare", project.toString(), bare.toString());
      repo = fake.adoptRepository(REPO, bare);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    token = fake.newToken(FakeGitHub.ACTIONS_BOT);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    repo.setPermission("maya", Role.WRITE);
    issue = repo.addIssue("add returns the difference", BODY, "dana", "bug", "ready to implement");
  }

  // ---- events

  /** {@code issues.labeled}: dana added the ready label. */
  ObjectNode labeled() {
    ObjectNode p = Events.json("issues.labeled");
    p.withObjectProperty("issue").put("number", issue).put("title", "add returns the difference").put("body", BODY);
    p.withObjectProperty("label").put("name", "ready to implement");
    p.withObjectProperty("sender").put("login", "dana").put("type", "User");
    p.withObjectProperty("repository").put("full_name", REPO);
    return p;
  }

  /** {@code login} comments {@code body} on the issue; returns the {@code issue_comment.created} event. */
  ObjectNode comment(String login, String body) {
    long id = repo.addComment(issue, login, body);
    ObjectNode p = Events.json("issue_comment.created");
    ObjectNode i = p.withObjectProperty("issue").put("number", issue);
    i.remove("pull_request");
    p.withObjectProperty("comment").put("id", id).put("body", body).withObjectProperty("user")
        .put("login", login).put("type", "User");
    p.withObjectProperty("sender").put("login", login).put("type", "User");
    p.withObjectProperty("repository").put("full_name", REPO);
    return p;
  }

  ObjectNode schedule() {
    ObjectNode p = Events.json("schedule");
    p.withObjectProperty("repository").put("full_name", REPO);
    return p;
  }

  // ---- jobs

  /** One Actions job for {@code event}: a fresh checkout, the event file, {@code aegis action}. */
  HostResult job(String event, JsonNode payload, boolean plan) {
    try {
      Path jobDir = Files.createDirectories(dir.resolve("job-" + (++jobs)));
      Path workspace = jobDir.resolve("workspace");
      SampleProject.git(jobDir, "clone", "-q", repo.cloneUrl(), workspace.toString());
      Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
      env.put("HOME", Files.createDirectories(jobDir.resolve("home")).toString());
      env.put("GITHUB_ACTIONS", "true");
      env.put("GITHUB_EVENT_NAME", event);
      env.put("GITHUB_EVENT_PATH", Events.write(payload, jobDir.resolve("event.json")).toString());
      env.put("GITHUB_REPOSITORY", REPO);
      env.put("GITHUB_API_URL", fake.apiUrl());
      env.put("GITHUB_TOKEN", token);
      env.put("AEGIS_RECORDS_DIR", jobDir.resolve("records").toString());
      GitHubConnector github = new GitHubConnector(clock, wait -> {
        sleeps.add(wait);
        clock.advance(wait);
      }, RetryPolicy.DEFAULT.withTimeout(TIMEOUT));
      FakeEngines engines = new FakeEngines()
          .then(plan ? FakeEngines.planning(FakeEngines.calcPlan(Risk.MEDIUM)) : FakeEngines.fixingCalc());
      CoreEntry entry = new CoreEntry(github, clock, new Random(jobs), engines);
      synchronized (lines) {
        lines.add("---- job " + jobs + ": " + event);
      }
      return entry.execute(new HostRequest(HostCommand.ACTION, null, null, false, null, Map.of(), env, workspace),
          new RecordingLog(lines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String log() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  // ---- what GitHub shows

  List<FakeComment> statusComments() {
    return repo.comments(issue).stream()
        .filter(c -> c.author().equals(FakeGitHub.ACTIONS_BOT) && blocks.read(c.body()).isPresent()).toList();
  }

  RunState state() {
    List<FakeComment> all = statusComments();
    return blocks.read(all.get(all.size() - 1).body()).orElseThrow();
  }

  List<String> aegisLabels() {
    return repo.issue(issue).orElseThrow().labels().stream().filter(l -> l.startsWith("aegis:")).toList();
  }

  List<FakeIssue> pulls() {
    return repo.issues().stream().filter(FakeIssue::pullRequest).toList();
  }

  List<String> aegisBranches() {
    return repo.branchHead(BRANCH).map(h -> List.of(BRANCH)).orElse(List.of());
  }

  /** One status comment in {@code phase}, exactly that phase's label, one branch, {@code pulls} pull requests. */
  void assertConverged(Phase phase, int pulls) {
    assertThat(statusComments()).as("status comments").hasSize(1);
    assertThat(state().phase()).as("run phase").isEqualTo(phase);
    assertThat(aegisLabels()).as("Aegis labels").isEqualTo(List.of(phase.label()));
    assertThat(aegisBranches()).as("aegis branches").hasSize(1);
    assertThat(pulls()).as("pull requests").hasSize(pulls);
  }

  @Override
  public void close() {
    fake.close();
  }
}
