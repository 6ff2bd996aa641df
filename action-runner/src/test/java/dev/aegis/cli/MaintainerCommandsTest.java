package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StateBlock;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.events.Events;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.RecordedRequest;
import dev.aegis.testkit.github.Role;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintainer commands in-process through {@code Main}, against a stateful fake GitHub. */
class MaintainerCommandsTest {
  private static final String REPO = "octo-org/app";

  @TempDir Path dir;
  private FakeGitHub fake;
  private FakeRepository repo;
  private String admin;

  @BeforeEach
  void start() throws Exception {
    SampleProject.git(dir, "init", "-q");
    fake = FakeGitHub.start();
    repo = fake.createRepository(REPO);
    admin = fake.newToken("maintainer");
    repo.setPermission("maintainer", Role.ADMIN);
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
    CliRun init = cli(Map.of(), "init");
    assertThat(init.exit()).isZero();
  }

  @AfterEach
  void contractHeldAndClose() {
    try {
      fake.assertNoContractViolations();
    } finally {
      fake.close();
    }
  }

  /** Runs {@code aegis} in the workspace with {@code token} as GITHUB_TOKEN (none when null). */
  private CliRun as(String token, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_API_KEY", "sk-cli-test-model-key"); // the default model's key: status checks it as a job would
    if (token != null) {
      env.put("GITHUB_TOKEN", token);
    }
    return cli(env, args);
  }

  private CliRun cli(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("PATH", System.getenv("PATH"));
    List<String> argv = new ArrayList<>(List.of(args));
    if (!args[0].equals("init") && !args[0].equals("action")) {
      argv.addAll(List.of("--repo", REPO, "--api-url", fake.apiUrl()));
    }
    return CliRun.of(all, dir, CoreEntry::new, argv.toArray(String[]::new));
  }

  private String config() throws Exception {
    return Files.readString(dir.resolve(".aegis/config.yml"));
  }

  /** An issue in {@code phase} with a status comment by the Actions bot, last updated {@code ago}. */
  private int run(String title, Phase phase, Duration ago, Map<String, String> facts) {
    int n = repo.addIssue(title, "It breaks.", "reporter", "bug", "ready to implement", phase.label());
    RunState state = new RunState(n + "-abc123", IssueKey.github(n), phase, "aegis/" + n + "-fix", "main", "sha",
        Instant.now().minus(ago), List.of(), facts);
    repo.addComment(n, FakeGitHub.ACTIONS_BOT, "### Aegis\n\nWorking.\n\n" + new StateBlock().write(state));
    return n;
  }

  @Test
  void helpListsTheMaintainerCommands() {
    assertThat(CliRun.of(Map.of(), dir, CoreEntry::new, "--help").out())
        .contains("status", "runs", "recover", "pause", "resume", "disconnect", "8 paused/resumed locally only");
    assertThat(CliRun.of(Map.of(), dir, CoreEntry::new, "resume", "--help").out()).contains("--concurrency");
    assertThat(CliRun.of(Map.of(), dir, CoreEntry::new, "runs", "--help").out()).contains("--all");
    assertThat(CliRun.of(Map.of(), dir, CoreEntry::new, "recover", "--help").out()).contains("--dry-run");
  }

  // ---- status

  @Test
  void statusOnAGoodSetupExitsZeroAndNeverPrintsTheToken() {
    repo.addIssue("Crash on checkout", "It breaks.", "reporter", "bug", "ready to implement");

    CliRun r = as(admin, "status", "-v");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains(
        "Configuration (.aegis/config.yml)",
        "max-concurrent-runs = 1  (.aegis/config.yml)",
        "ok: the token reads octo-org/app (default branch main)",
        "acts as: maintainer",
        "ok: ready to implement",
        "missing: aegis:in-progress",
        "ready bugs: 1",
        "runs: 0 in progress, 0 awaiting approval",
        "Aegis can work on octo-org/app.");
    assertThat(r.out() + r.err()).doesNotContain(admin);
  }

  @Test
  void statusWithABadTokenExitsWithTheAuthCodeAndSaysWhatToDo() {
    CliRun r = as("ghp_not-a-real-token", "status");

    assertThat(r.exit()).isEqualTo(ExitCodes.AUTH);
    assertThat(r.out()).contains("refused: GitHub answered 401 reading octo-org/app");
    assertThat(r.err()).contains("GitHub refused the token (401)", "export GITHUB_TOKEN");
  }

  @Test
  void statusWithoutATokenExitsWithTheConfigCodeAsPickupDoes() {
    CliRun r = as(null, "status");

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("GITHUB_TOKEN", "is not set");
  }

  @Test
  void statusWithABadConfigFileExitsWithTheConfigCode() throws Exception {
    Files.writeString(dir.resolve(".aegis/config.yml"), "max-concurent-runs: 0\n");

    CliRun r = as(admin, "status");

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("'max-concurent-runs'", "did you mean 'max-concurrent-runs'");
  }

  // ---- runs

  @Test
  void runsListsActiveRunsAndAllListsEveryPhase() {
    run("Crash", Phase.IN_PROGRESS, Duration.ofMinutes(3), Map.of("stage", "implementing", "cost", "0.5"));
    run("Typo", Phase.BLOCKED, Duration.ofHours(5), Map.of());
    run("Overflow", Phase.PR_OPENED, Duration.ofDays(2), Map.of("pr", "https://github.com/octo-org/app/pull/7"));

    CliRun active = as(admin, "runs");
    CliRun all = as(admin, "runs", "--all");

    assertThat(active.exit()).isZero();
    assertThat(active.out().lines().toList()).hasSize(2);
    assertThat(active.out()).containsPattern("github:#1 +in-progress/implementing +1-abc123 +3 min ago +\\$0\\.5000");
    assertThat(all.out().lines().toList()).hasSize(4);
    assertThat(all.out()).containsPattern("github:#2 +blocked +2-abc123 +5 h ago")
        .containsPattern("github:#3 +pr-opened +3-abc123 +2 d ago +- +https://github.com/octo-org/app/pull/7");
  }

  // ---- pause and resume

  @Test
  void pauseAndResumeRoundTripTheVariableAndTheFileKeepingEveryOtherLine() throws Exception {
    String before = config();

    CliRun pause = as(admin, "pause");

    assertThat(pause.exit()).isZero();
    assertThat(repo.variable("AEGIS_MAX_CONCURRENT_RUNS")).contains("0");
    assertThat(config()).isEqualTo(before.replace("max-concurrent-runs: 1 ", "max-concurrent-runs: 0 "));
    assertThat(config()).contains("# 0 pauses Aegis (see `aegis pause` / `aegis resume`)");
    assertThat(pause.out()).contains("Aegis is paused");

    CliRun again = as(admin, "pause");

    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("Nothing changed");
    assertThat(config()).isEqualTo(before.replace("max-concurrent-runs: 1 ", "max-concurrent-runs: 0 "));

    CliRun resume = as(admin, "resume", "--concurrency", "3");

    assertThat(resume.exit()).isZero();
    assertThat(repo.variable("AEGIS_MAX_CONCURRENT_RUNS")).contains("3");
    assertThat(config()).isEqualTo(before.replace("max-concurrent-runs: 1 ", "max-concurrent-runs: 3 "));
  }

  @Test
  void resumeWithoutConcurrencyGoesBackToOneAndZeroIsRefused() throws Exception {
    as(admin, "pause");

    assertThat(as(admin, "resume").exit()).isZero();
    assertThat(repo.variable("AEGIS_MAX_CONCURRENT_RUNS")).contains("1");
    CliRun zero = as(admin, "resume", "--concurrency", "0");
    assertThat(zero.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err()).contains("aegis pause");
  }

  @Test
  void pauseWithATokenThatCannotWriteVariablesPausesLocallyAndExitsLocalOnly() throws Exception {
    String triager = fake.newToken("triager");
    repo.setPermission("triager", Role.TRIAGE);

    CliRun r = as(triager, "pause");

    assertThat(r.exit()).isEqualTo(ExitCodes.LOCAL_ONLY);
    assertThat(config()).contains("max-concurrent-runs: 0 ");
    assertThat(repo.variable("AEGIS_MAX_CONCURRENT_RUNS")).isEmpty();
    assertThat(r.err()).contains("GITHUB_TOKEN can never write variables", "\"Variables: read and write\"",
        "gh variable set AEGIS_MAX_CONCURRENT_RUNS --body 0 --repo octo-org/app");
  }

  @Test
  void pauseRefusesADirectoryThatDoesNotExistOrIsNotACheckoutAndTouchesNothing() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    fake.clearRequests();

    CliRun missing = as(admin, "pause", "-C", "nowhere");
    CliRun notCheckout = as(admin, "pause", "-C", "plain");
    CliRun resume = as(admin, "resume", "-C", "plain");

    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("'pause': -C " + dir.resolve("nowhere") + " does not exist");
    assertThat(notCheckout.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(notCheckout.err()).contains("'pause': -C " + plain + " is not a git checkout", "Nothing was written");
    assertThat(resume.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(dir.resolve("nowhere")).doesNotExist();
    assertThat(plain.resolve(".aegis")).doesNotExist();
    assertThat(repo.variable("AEGIS_MAX_CONCURRENT_RUNS")).isEmpty();
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void statusRefusesADirectoryThatDoesNotExist() {
    CliRun r = as(admin, "status", "-C", "nowhere");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("-C " + dir.resolve("nowhere") + " does not exist");
  }

  @Test
  void afterPauseTheActionReturnsAtOnceWithoutTouchingGitHub() throws Exception {
    as(admin, "pause");
    int issue = repo.addIssue("Crash on checkout", "When I open /checkout the server returns 500; expected the cart. "
        + "java.lang.NullPointerException at Checkout.java:42", "reporter", "bug", "ready to implement");
    ObjectNode payload = Events.json("issues.labeled.1");
    payload.with("issue").put("number", issue);
    payload.with("repository").put("full_name", REPO).put("name", "app");
    Path event = Events.write(payload, dir.resolve("event.json"));
    fake.clearRequests();

    CliRun r = cli(Map.of("GITHUB_TOKEN", fake.newToken(FakeGitHub.ACTIONS_BOT), "GITHUB_API_URL", fake.apiUrl(),
        "GITHUB_REPOSITORY", REPO, "GITHUB_EVENT_NAME", "issues", "GITHUB_EVENT_PATH", event.toString(),
        "AEGIS_MAX_CONCURRENT_RUNS", repo.variable("AEGIS_MAX_CONCURRENT_RUNS").orElseThrow()), "action");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Aegis is paused");
    assertThat(fake.requests()).isEmpty();
    assertThat(repo.comments(issue)).isEmpty();
  }

  // ---- disconnect

  @Test
  void disconnectListsTheBranchesAndLabelsLeftAndChangesNothing() {
    run("Crash", Phase.BLOCKED, Duration.ofHours(1), Map.of());
    repo.addPullRequest("Fix typo", "aegis/9-typo", FakeGitHub.ACTIONS_BOT);
    fake.clearRequests();

    CliRun r = as(admin, "disconnect");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Shutdown checklist for octo-org/app", "git rm .github/workflows/aegis.yml",
        "gh secret delete OPENAI_API_KEY --repo octo-org/app", "gh secret delete ANTHROPIC_API_KEY",
        "gh variable delete AEGIS_MAX_CONCURRENT_RUNS --repo octo-org/app", "gh variable delete AEGIS_MODEL",
        "gh label delete \"aegis:blocked\" --repo octo-org/app --yes", "git push origin --delete aegis/9-typo",
        "git rm -r .aegis");
    assertThat(r.out()).doesNotContain("aegis:in-progress", "secret delete GITHUB_TOKEN");
    assertThat(fake.requests()).extracting(RecordedRequest::method).containsOnly("GET");
  }

  // ---- recover

  @Test
  void recoverDryRunOnlySaysAndRecoverMarksTheStaleRunBlocked() {
    int stale = run("Crash", Phase.IN_PROGRESS, Duration.ofMinutes(30), Map.of());
    int fresh = run("Typo", Phase.IN_PROGRESS, Duration.ofMinutes(2), Map.of());

    CliRun dry = as(admin, "recover", "--dry-run");

    assertThat(dry.exit()).isZero();
    assertThat(dry.out()).contains("github:#" + stale + " would block - no progress for 30 min")
        .doesNotContain("github:#" + fresh + " ");
    assertThat(repo.issue(stale).orElseThrow().labels()).contains("aegis:in-progress");

    CliRun real = as(admin, "recover");

    assertThat(real.exit()).isZero();
    assertThat(real.out()).contains("github:#" + stale + " blocked - no progress for 30 min");
    assertThat(repo.issue(stale).orElseThrow().labels()).contains("aegis:blocked").doesNotContain("aegis:in-progress");
    assertThat(repo.issue(fresh).orElseThrow().labels()).contains("aegis:in-progress");
    assertThat(repo.comments(stale)).hasSize(1).first().satisfies(c -> assertThat(c.body()).contains("most likely died"));
  }
}
