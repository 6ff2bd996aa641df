package dev.aegis.core.flow;

import dev.aegis.core.agent.Risk;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.git.Git;
import dev.aegis.core.support.BareRepos;
import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.local.LocalCodeHost;
import dev.aegis.core.run.Decision;
import dev.aegis.core.run.Pickup;
import dev.aegis.core.run.RunIds;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Permission;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One repository's world for in-process flow tests: the calc sample project (its {@code add} subtracts) in
 * a real bare repository ({@code origin}, behind a {@link LocalCodeHost}), a clone of it as the CI
 * workspace, an in-memory tracker holding issue #42 (ready), a clock the test moves, and {@link FakeEngines}.
 * maya may write to the repository; mallory may not.
 */
final class FlowWorld {
  static final Author AEGIS = new Author("aegis[bot]", true);
  static final IssueKey KEY = IssueKey.github(42);
  static final String BRANCH = "aegis/42-add-returns-the-difference";
  static final String BODY = """
      Calling add 2 3 from src/calc.sh prints -1 instead of 5; it should print the sum.
      Steps: run `sh test.sh`, which fails with "FAIL add: expected 5, got -1".
      """;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  final InMemoryTracker tracker = new InMemoryTracker(AEGIS, "ready to implement", "bug", clock);
  final FakeEngines engines = new FakeEngines();
  /** Makes the agent engines: {@link #engines} unless a test drives the real loop. */
  EngineProvider engineProvider = engines;
  /** The tracker each flow talks to: {@link #tracker} unless a test wraps it (faults). */
  dev.aegis.core.tracker.Tracker flowTracker = tracker;
  /** The channels each flow tells besides the tracker: none unless a test sets some. */
  dev.aegis.core.channel.Channels channels = dev.aegis.core.channel.Channels.none();
  final List<String> progress = new CopyOnWriteArrayList<>();
  final Path origin;
  final Path workspace;
  final LocalCodeHost code;
  /** What the flow talks to for branches and pull requests: {@link #code} unless a test wraps it. */
  CodeHost codeHost;
  final Map<String, String> env = new HashMap<>(SampleProject.environment(Map.of()));
  final Map<String, String> settings = new HashMap<>(Map.of(ConfigKeys.TEST_COMMAND, "sh test.sh"));
  private final Path records;
  private final RunLedger ledger = new RunLedger(tracker);
  private final Random random = new Random(7);

  private FlowWorld(Path dir) throws Exception {
    Path project = SampleProject.create(dir.resolve("project"));
    Git git = BareRepos.git(dir);
    origin = dir.resolve("origin.git");
    git.run("clone", "-q", "--bare", project.toString(), origin.toString());
    workspace = dir.resolve("workspace");
    git.run("clone", "-q", origin.toString(), workspace.toString());
    records = dir.resolve("records");
    code = new LocalCodeHost("acme/calc", origin, git, clock);
    codeHost = code;
    tracker.put(new Issue(KEY, "add returns the difference", BODY, List.of("bug", "ready to implement"), "open",
        Author.human("dana"), clock.instant(), clock.instant(), "https://github.com/acme/calc/issues/42"));
    tracker.grant("maya", Permission.WRITE);
  }

  static FlowWorld create(Path dir) {
    try {
      return new FlowWorld(dir);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A world whose #42 is claimed and planned with a low-risk plan: awaiting approval. */
  static FlowWorld planned(Path dir) {
    FlowWorld world = create(dir);
    world.engines.then(FakeEngines.planning(FakeEngines.calcPlan(Risk.LOW)));
    world.claimAndPlan();
    return world;
  }

  AegisConfig config() {
    return new ConfigLoader().load(workspace, env, settings, "test");
  }

  /** A fresh flow, as each CI job builds one. */
  RunFlow flow() {
    AgentContext agent = new AgentContext(config(), env, workspace, records, clock, engineProvider, progress::add);
    return new RunFlow(new FlowContext(flowTracker, codeHost, agent, false, channels));
  }

  /** Claims #42 and plans it (the {@code issues} event's path); returns the plan step's result. */
  FlowResult claimAndPlan() {
    Decision d = new Pickup(tracker, codeHost, config(), clock, new RunIds(random)).one(KEY, false);
    if (d.verdict() != Decision.Verdict.CLAIMED) {
      throw new AssertionError("expected a claim, got: " + d.line());
    }
    return flow().afterClaim(KEY);
  }

  /** {@code login} comments {@code body} on #42 and the comment event is handled. */
  FlowResult comment(String login, String body) {
    return deliver(post(login, body));
  }

  IssueComment post(String login, String body) {
    return tracker.addCommentBy(KEY, Author.human(login), body);
  }

  /** Hands a comment to a new flow, as its {@code issue_comment} event (or a redelivery) does. */
  FlowResult deliver(IssueComment c) {
    return flow().comment(KEY, new IncomingComment(c.id(), c.author(), c.body()));
  }

  List<StatusComment> statusComments() {
    return ledger.runs(KEY);
  }

  RunState state() {
    List<StatusComment> all = statusComments();
    return all.get(all.size() - 1).state();
  }

  String statusText() {
    List<StatusComment> all = statusComments();
    return all.get(all.size() - 1).text();
  }

  /** Comments Aegis posted that are not status comments (refusals, replies). */
  List<String> replies() {
    List<String> out = new ArrayList<>();
    for (IssueComment c : tracker.comments(KEY)) {
      if (ledger.byAegis(c) && ledger.runs(KEY, List.of(c)).isEmpty()) {
        out.add(c.body());
      }
    }
    return out;
  }

  /** Every comment body Aegis wrote, raw (hidden blocks included). */
  List<String> aegisBodies() {
    return tracker.comments(KEY).stream().filter(ledger::byAegis).map(IssueComment::body).toList();
  }

  List<String> labels() {
    return tracker.issue(KEY).orElseThrow().labels();
  }

  List<String> aegisLabels() {
    return labels().stream().filter(l -> l.startsWith("aegis:")).toList();
  }

  Optional<String> originHead() {
    return code.branchHead(BRANCH);
  }

  CommitInfo originCommit() {
    return code.commit(originHead().orElseThrow());
  }

  /** The files the run's branch changes on origin, relative to main. */
  String originDiff() {
    return BareRepos.git(origin).run("diff", "--no-ext-diff", "--name-only", "main", BRANCH);
  }
}
