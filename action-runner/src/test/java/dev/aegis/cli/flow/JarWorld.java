package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.cli.AegisJar;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StateBlock;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.FakeComment;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository on a {@link FakeGitHub} for end-to-end runs of the fat jar: the calc sample project (its
 * {@code add} subtracts; {@code sh test.sh} says so; {@code .aegis/config.yml} names the test command) in
 * a real bare repository the fake serves, issue #1 labelled ready by dana, maya allowed to write and mallory
 * not. Every {@link #start job} is a separate {@code java -jar aegis.jar action} process with its own fresh
 * clone of the repository as {@code GITHUB_WORKSPACE} (the repository is its {@code origin}), as on a runner.
 */
final class JarWorld implements AutoCloseable {
  static final String REPO = "acme/calc";
  static final String BRANCH = "aegis/1-add-returns-the-difference";
  static final String MODEL_KEY = "sk-test-model-key-0123456789";
  static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
  /** A re-run after a crash: the orphaned run is adopted at once instead of after two minutes. */
  static final Map<String, String> RERUN = Map.of("AEGIS_CLAIM_GRACE_SECONDS", "0");
  static final String BODY = """
      Calling add 2 3 from src/calc.sh prints -1 instead of 5; it should print the sum.
      Steps: run `sh test.sh`, which fails with "FAIL add: expected 5, got -1".
      """;

  final FakeGitHub fake;
  final FakeRepository repo;
  final int issue;
  final String token;
  private final Path dir;
  /** Jobs' checkouts keep the token in {@code .git/config}, as {@code actions/checkout} does by default. */
  boolean persistCredentials;
  private final StateBlock blocks = new StateBlock();
  private int jobs;

  private JarWorld(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    Path project = SampleProject.create(dir.resolve("project"));
    Files.createDirectories(project.resolve(".aegis"));
    Files.writeString(project.resolve(".aegis/config.yml"), "test-command: sh test.sh\n");
    SampleProject.git(project, "add", "-A");
    SampleProject.git(project, "commit", "-q", "-m", "aegis: test command");
    Path bare = dir.resolve("calc.git");
    SampleProject.git(dir, "clone", "-q", "--bare", project.toString(), bare.toString());
    fake = FakeGitHub.start();
    repo = fake.adoptRepository(REPO, bare);
    token = fake.newToken(FakeGitHub.ACTIONS_BOT);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    repo.setPermission("maya", Role.WRITE);
    fake.addUser("mallory");
    issue = repo.addIssue("add returns the difference", BODY, "dana", "bug", "ready to implement");
  }

  /** The world's own directory (for files a test wants beside it). */
  Path dir() {
    return dir;
  }

  static JarWorld create(Path dir) {
    try {
      return new JarWorld(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
    p.withObjectProperty("comment").put("id", id).put("body", body).withObjectProperty("user").put("login", login).put("type", "User");
    p.withObjectProperty("sender").put("login", login).put("type", "User");
    p.withObjectProperty("repository").put("full_name", REPO);
    return p;
  }

  ObjectNode schedule() {
    ObjectNode p = Events.json("schedule");
    p.withObjectProperty("repository").put("full_name", REPO);
    return p;
  }

  // ---- models

  /** The in-process scripted model replaying {@code json} (written to a file named {@code name}). */
  Map<String, String> scripted(String name, String json) {
    try {
      Path file = Files.createDirectories(dir.resolve("scripts")).resolve(name + ".json");
      Files.writeString(file, json);
      return Map.of("AEGIS_MODEL", "scripted/" + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An OpenAI-compatible model over HTTP: the scripted server. */
  static Map<String, String> overHttp(ScriptedModelServer server) {
    return Map.of("AEGIS_MODEL", "openai/gpt-test", "OPENAI_BASE_URL", server.openAiBaseUrl(),
        "OPENAI_API_KEY", MODEL_KEY);
  }

  // ---- jobs

  /** Runs a job to its end; later environment maps win. */
  @SafeVarargs
  final Job.Result run(String event, JsonNode payload, Map<String, String>... envs) {
    return start(event, payload, envs).await(JOB_TIMEOUT);
  }

  /** Starts a job: a fresh workspace clone, the event file, and the jar with Actions' environment. Later maps win. */
  @SafeVarargs
  final Job start(String event, JsonNode payload, Map<String, String>... envs) {
    try {
      Path jobDir = Files.createDirectories(dir.resolve("job-" + (++jobs) + "-" + event));
      Path workspace = jobDir.resolve("workspace");
      SampleProject.git(jobDir, "clone", "-q", repo.cloneUrl(), workspace.toString());
      if (persistCredentials) {
        // what actions/checkout leaves in .git/config unless told persist-credentials: false
        SampleProject.git(workspace, "config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic "
            + java.util.Base64.getEncoder().encodeToString(("x-access-token:" + token).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
      }
      Path eventFile = Events.write(payload, jobDir.resolve("event.json"));
      Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
      env.put("HOME", Files.createDirectories(jobDir.resolve("home")).toString());
      env.put("GITHUB_ACTIONS", "true");
      env.put("GITHUB_EVENT_NAME", event);
      env.put("GITHUB_EVENT_PATH", eventFile.toString());
      env.put("GITHUB_REPOSITORY", REPO);
      env.put("GITHUB_API_URL", fake.apiUrl());
      env.put("GITHUB_TOKEN", token);
      env.put("GITHUB_WORKSPACE", workspace.toString());
      env.put("RUNNER_TEMP", Files.createDirectories(jobDir.resolve("runner-temp")).toString());
      env.put("GITHUB_OUTPUT", jobDir.resolve("output.txt").toString());
      env.put("GITHUB_STEP_SUMMARY", jobDir.resolve("summary.md").toString());
      Arrays.stream(envs).forEach(env::putAll);
      ProcessBuilder builder = new ProcessBuilder(AegisJar.command("action"))
          .directory(workspace.toFile())
          .redirectErrorStream(true)
          .redirectOutput(jobDir.resolve("log.txt").toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      return new Job(jobs + "-" + event, builder.start(), jobDir.resolve("log.txt"), workspace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- what the tracker and the repository show

  List<FakeComment> comments() {
    return repo.comments(issue);
  }

  /** Status comments: Aegis's comments with a run state block. */
  List<FakeComment> statusComments() {
    return comments().stream()
        .filter(c -> c.author().equals(FakeGitHub.ACTIONS_BOT) && blocks.read(c.body()).isPresent()).toList();
  }

  RunState state() {
    List<FakeComment> all = statusComments();
    assertThat(all).as("status comments").isNotEmpty();
    return blocks.read(all.get(all.size() - 1).body()).orElseThrow();
  }

  String statusText() {
    List<FakeComment> all = statusComments();
    return blocks.textOf(all.get(all.size() - 1).body());
  }

  /** Aegis's other comments (refusals, replies). */
  List<String> replies() {
    return comments().stream()
        .filter(c -> c.author().equals(FakeGitHub.ACTIONS_BOT) && blocks.read(c.body()).isEmpty())
        .map(FakeComment::body).toList();
  }

  List<String> labels() {
    return repo.issue(issue).orElseThrow().labels();
  }

  List<String> aegisLabels() {
    return labels().stream().filter(l -> l.startsWith("aegis:")).toList();
  }

  List<FakeIssue> pulls() {
    return repo.issues().stream().filter(FakeIssue::pullRequest).toList();
  }

  /** Branches under {@code aegis/} in the repository. */
  List<String> aegisBranches() {
    String out = git("for-each-ref", "--format=%(refname:short)", "refs/heads/aegis/");
    return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
  }

  Optional<String> branchHead() {
    return repo.branchHead(BRANCH);
  }

  /** Runs git in the repository's bare directory. */
  String git(String... args) {
    try {
      return SampleProject.git(repo.gitDir(), args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * One status comment, at most one {@code aegis/} branch, {@code pulls} pull requests, the state in
   * {@code phase} and exactly that phase's label, and no request that broke GitHub's description.
   */
  void assertConverged(Phase phase, int pulls) {
    assertThat(statusComments()).as("status comments").hasSize(1);
    assertThat(state().phase()).as("run phase").isEqualTo(phase);
    assertThat(aegisLabels()).as("Aegis labels")
        .isEqualTo(phase.label() == null ? List.of() : List.of(phase.label()));
    assertThat(aegisBranches()).as("aegis branches").hasSizeLessThanOrEqualTo(1);
    assertThat(pulls()).as("pull requests").hasSize(pulls);
    fake.assertNoContractViolations();
  }

  /** Everything Aegis wrote where people can read it: comments, pull request titles and bodies, commit messages. */
  String everythingPublished() {
    List<String> out = new ArrayList<>();
    comments().stream().filter(c -> c.author().equals(FakeGitHub.ACTIONS_BOT)).forEach(c -> out.add(c.body()));
    pulls().forEach(p -> out.add(p.title() + "\n" + p.body()));
    out.add(git("log", "--all", "--format=%B"));
    return String.join("\n", out);
  }

  @Override
  public void close() {
    fake.close();
  }
}
