package dev.aegis.core.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.git.Git;
import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostLog;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.repo.PullRequestDraft;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aegis demo}: the whole loop on the bundled sample project, offline. GitHub events are written to
 * files and handed to the same entry point {@code aegis action} uses, so the demo runs the product's real
 * path: claim, plan with the (scripted) model, an unauthorized approval refused, an authorized one
 * implemented, tests run by Aegis, a branch pushed to a real (local) origin and a pull request opened.
 */
public final class Demo {
  private static final IssueKey ISSUE = IssueKey.github(101);

  private final Path dir;
  private final Map<String, String> processEnv;
  private final Clock clock;
  private final CommandSandbox sandbox;
  private final ObjectMapper json = Mappers.JSON;
  private int events;

  public Demo(Path dir, Map<String, String> processEnv, Clock clock, CommandSandbox sandbox) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.processEnv = Map.copyOf(processEnv);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
  }

  /** Runs the demo, narrating to {@code log}; returns the result of the implement step. */
  public HostResult run(HostLog log) {
    DemoWorld world = DemoWorld.create(dir, sandbox.programs(), clock);
    world.tracker().grant("maya", Permission.WRITE);
    CoreEntry entry = new CoreEntry(new DemoConnector(world), clock, new SecureRandom(),
        new DemoEngineProvider(clock, sandbox));
    RunLedger ledger = new RunLedger(world.tracker());

    step(log, "1. dana labels issue #101 'bug' + 'ready to implement': Aegis claims it and investigates");
    HostResult planned = action(entry, world, "issues", issueLabeled(), log);
    String runId = planned.outputs().getOrDefault("run-id", "");
    show(log, "The status comment on #101",
        ledger.latest(ISSUE, world.tracker().comments(ISSUE)).map(StatusComment::text).orElse(""));

    step(log, "2. mallory (no write access) comments /aegis proceed " + runId + ": politely refused");
    IssueComment refused = world.tracker().addCommentBy(ISSUE, Author.human("mallory"), "/aegis proceed " + runId);
    action(entry, world, "issue_comment", commentCreated(refused), log);
    List<IssueComment> all = world.tracker().comments(ISSUE);
    show(log, "Aegis's answer", all.get(all.size() - 1).body().replaceAll("\\s*<!--.*-->", ""));

    step(log, "3. maya (a maintainer) comments /aegis proceed " + runId + ": Aegis implements the plan");
    IssueComment approval = world.tracker().addCommentBy(ISSUE, Author.human("maya"), "/aegis proceed " + runId);
    HostResult done = action(entry, world, "issue_comment", commentCreated(approval), log);

    step(log, "4. The pull request (Aegis never merges)");
    List<PullRequestDraft> prs = world.code().pullRequestDrafts();
    if (!prs.isEmpty()) {
      PullRequestDraft pr = prs.get(0);
      show(log, pr.title() + "  (" + pr.head() + " -> " + pr.base() + ", labels " + pr.labels() + ")", pr.body());
      show(log, "The diff pushed to origin", new Git(sandbox.programs(), world.origin())
          .run("diff", "--no-ext-diff", "--no-textconv", pr.base(), pr.head()));
    }
    step(log, "5. Where #101 stands");
    log.line("labels: " + world.tracker().issue(ISSUE).orElseThrow().labels());
    log.line("status: " + ledger.latest(ISSUE, world.tracker().comments(ISSUE)).map(s -> s.state().phase() + " (run "
        + s.state().runId() + ")").orElse("none"));
    log.line("records (transcripts and audit logs; kept with --keep): " + dir.resolve("records"));
    return done;
  }

  /** The few variables of the process environment a demo host hands the core: no tokens, no keys. */
  public static Map<String, String> baseEnvironment(Map<String, String> processEnv) {
    Map<String, String> env = new HashMap<>();
    for (String name : List.of("PATH", "HOME", "TMPDIR", "LANG", "USER")) {
      if (processEnv.containsKey(name)) {
        env.put(name, processEnv.get(name));
      }
    }
    return env;
  }

  private HostResult action(CoreEntry entry, DemoWorld world, String event, ObjectNode payload, HostLog log) {
    Path file = dir.resolve("events").resolve((++events) + "-" + event + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, payload.toPrettyString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = baseEnvironment(processEnv);
    env.put("GITHUB_EVENT_NAME", event);
    env.put("GITHUB_EVENT_PATH", file.toString());
    env.put("GITHUB_REPOSITORY", DemoTracker.REPOSITORY);
    env.put("AEGIS_RECORDS_DIR", dir.resolve("records").toString());
    // the demo's model is Aegis's own script, not an agent that reads hostile text: on a laptop without Linux
    // namespaces (macOS) its two commands may run unisolated; where namespaces work they are used anyway
    env.put("AEGIS_SANDBOX_ALLOW_UNISOLATED", "true");
    return entry.execute(new HostRequest(HostCommand.ACTION, null, null, false, null, Map.of(), env,
        world.workspace()), log);
  }

  private ObjectNode issueLabeled() {
    ObjectNode root = json.createObjectNode().put("action", "labeled");
    root.putObject("issue").put("number", 101);
    root.putObject("label").put("name", "ready to implement");
    root.putObject("sender").put("login", "dana").put("type", "User");
    return root;
  }

  private ObjectNode commentCreated(IssueComment c) {
    ObjectNode root = json.createObjectNode().put("action", "created");
    root.putObject("issue").put("number", 101);
    ObjectNode comment = root.putObject("comment").put("id", Long.parseLong(c.id())).put("body", c.body());
    comment.putObject("user").put("login", c.author().login()).put("type", "User");
    root.putObject("sender").put("login", c.author().login()).put("type", "User");
    return root;
  }

  private static void step(HostLog log, String title) {
    log.line("");
    log.line("== " + title);
  }

  private static void show(HostLog log, String title, String body) {
    log.line("");
    log.line("---- " + title + " ----");
    body.lines().forEach(l -> log.line("  " + l));
  }
}
