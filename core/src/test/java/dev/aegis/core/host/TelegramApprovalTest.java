package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.demo.DemoConnector;
import dev.aegis.core.demo.DemoEngineProvider;
import dev.aegis.core.demo.DemoWorld;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.StatusComment;
import dev.aegis.core.support.RecordingLog;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.channels.FakeSlackWebhook;
import dev.aegis.testkit.channels.WebhookReceiver;
import dev.aegis.testkit.telegram.FakeTelegram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled runs of {@code aegis action} on the demo world with every HTTP channel configured: the RCA goes to
 * Telegram, Slack and the webhook; an approval from an allowed Telegram user, read on the next scheduled run,
 * implements the plan; a stranger's approval is refused once; each event is told once.
 */
class TelegramApprovalTest {
  private static final String TOKEN = "7000000001:AAtelegramTokenForTheTest_789";
  private static final String HOOK_SECRET = "whsec-e2e-0123456789abcdef";
  private static final long CHAT = 31337L;
  private static final long MAYA = 11L;
  private static final long MALLORY = 66L;
  private static final IssueKey ISSUE = IssueKey.github(101);

  @TempDir Path tmp;
  private DemoWorld world;
  private CoreEntry entry;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<String> summaries = new CopyOnWriteArrayList<>();
  private final FakeTelegram telegram = FakeTelegram.start(TOKEN, Clock.systemUTC()).chat(CHAT);
  private final FakeSlackWebhook slack = FakeSlackWebhook.start();
  private final WebhookReceiver hooks = WebhookReceiver.start(HOOK_SECRET);

  @BeforeEach
  void world() {
    world = DemoWorld.create(tmp.resolve("world"), dev.aegis.core.support.Sandboxes.PROGRAMS, Clock.systemUTC());
    entry = new CoreEntry(new DemoConnector(world), Clock.systemUTC(), new Random(3),
        new DemoEngineProvider(Clock.systemUTC(), dev.aegis.core.support.Sandboxes.DETECTED));
    // one ready issue: the demo's scripted model plans once, then fixes once
    world.tracker().withdrawReady(IssueKey.github(102));
    world.tracker().withdrawReady(IssueKey.github(104));
  }

  @AfterEach
  void stop() {
    telegram.close();
    slack.close();
    hooks.close();
  }

  private HostResult scheduled() throws IOException {
    return scheduled(Map.of());
  }

  private HostResult scheduled(Map<String, String> overrides) throws IOException {
    Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(),
        "AEGIS_RECORDS_DIR", tmp.resolve("records").toString()));
    Path file = Files.writeString(tmp.resolve("schedule" + lines.size() + ".json"), "{\"schedule\":\"*/10 * * * *\"}");
    env.put("GITHUB_EVENT_NAME", "schedule");
    env.put("GITHUB_EVENT_PATH", file.toString());
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("AEGIS_TELEGRAM_CHAT_ID", String.valueOf(CHAT));
    env.put("AEGIS_TELEGRAM_APPROVERS", String.valueOf(MAYA));
    env.put("AEGIS_TELEGRAM_API_URL", telegram.apiUrl());
    env.put("AEGIS_SLACK_WEBHOOK_URL", slack.url());
    env.put("AEGIS_WEBHOOKS", hooks.url());
    env.put("AEGIS_WEBHOOK_SECRET", HOOK_SECRET);
    env.putAll(overrides);
    return entry.execute(new HostRequest(HostCommand.ACTION, null, null, false, null, Map.of(), env, world.workspace()),
        new SummaryLog(new RecordingLog(lines), summaries));
  }

  /** The recording log, with the job summary kept too. */
  private record SummaryLog(RecordingLog lines, List<String> summaries) implements HostLog {
    @Override
    public void line(String text) {
      lines.line(text);
    }

    @Override
    public void warn(String text) {
      lines.warn(text);
    }

    @Override
    public void group(String title) {}

    @Override
    public void endGroup() {}

    @Override
    public void mask(String secret) {}

    @Override
    public void summary(String markdown) {
      summaries.add(markdown);
    }
  }

  private StatusComment status() {
    List<StatusComment> runs = new RunLedger(world.tracker()).runs(ISSUE);
    return runs.get(runs.size() - 1);
  }

  @Test
  void anAllowedTelegramApprovalReadOnTheNextScheduledRunImplementsThePlanAndAStrangerIsRefusedOnce()
      throws IOException {
    scheduled();
    RunState planned = status().state();
    assertThat(planned.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    String run = planned.runId();
    assertThat(telegram.sent()).singleElement().satisfies(m -> assertThat(m.text())
        .contains("Run " + run, "/aegis proceed " + run, "/aegis stop " + run, "issues/101"));

    telegram.userSays(CHAT, MALLORY, "Mallory", "mallory", "/aegis proceed " + run);
    telegram.userSays(CHAT, MAYA, "Maya", "maya", "/aegis proceed " + run);
    scheduled();

    RunState done = status().state();
    assertThat(done.phase()).isEqualTo(Phase.PR_OPENED);
    assertThat(done.fact("approved-by")).contains("Maya on Telegram");
    assertThat(world.code().pullRequestDrafts()).singleElement().satisfies(pr -> assertThat(pr.body())
        .contains("approved by Maya on Telegram").doesNotContain("@\u200BMaya"));
    assertThat(telegram.sent()).extracting(FakeTelegram.Sent::text)
        .anySatisfy(t -> assertThat(t).startsWith("Sorry Mallory, only the maintainers listed in telegram.approvers"))
        .anySatisfy(t -> assertThat(t).contains("Aegis opened a pull request for run " + run));
    assertThat(telegram.pendingUpdates()).isZero();

    int sentBefore = telegram.sent().size();
    scheduled();

    assertThat(telegram.sent()).hasSize(sentBefore);
    assertThat(telegram.violations()).isEmpty();
    assertThat(telegram.sent()).filteredOn(m -> m.text().startsWith("Sorry Mallory")).hasSize(1);
    assertThat(slack.messages()).hasSize(2);
    assertThat(slack.refused()).isEmpty();
    assertThat(hooks.rejected()).isEmpty();
    assertThat(hooks.accepted()).extracting(WebhookReceiver.Accepted::event)
        .containsExactly("run.claimed", "run.planned", "run.approved", "run.pr_opened");
    assertThat(hooks.repeats()).isZero();
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN).doesNotContain(HOOK_SECRET)
        .doesNotContain(slack.url());
  }

  @Test
  void everyChannelDownOrHangingAtOnceLeavesTheRunRightOnTheTrackerWithinTheBudget() throws IOException {
    hooks.hangNext(100);
    String dead = "http://127.0.0.1:1";
    long start = System.nanoTime();

    HostResult r = scheduled(Map.of("AEGIS_TELEGRAM_API_URL", dead, "AEGIS_SLACK_WEBHOOK_URL", dead + "/services/x",
        "AEGIS_CHANNELS_BUDGET_SECONDS", "2"));

    assertThat(r.outcome()).isEqualTo(HostResult.Outcome.OK);
    assertThat(status().state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(world.tracker().issue(ISSUE).orElseThrow().labels()).contains(Phase.AWAITING_APPROVAL.label());
    // two events (claimed, planned), each bounded by the 2 s budget, plus the agent's own work
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
    assertThat(lines).filteredOn(l -> l.startsWith("WARN Channel telegram was not told run.planned")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.startsWith("WARN Channel slack was not told run.planned")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.startsWith("WARN Channel webhook 127.0.0.1")).hasSize(2);
    assertThat(lines).filteredOn(l -> l.startsWith("WARN Telegram commands could not be read")).hasSize(1);
    assertThat(summaries).anySatisfy(md -> assertThat(md).startsWith("### Channels not told")
        .contains("- telegram: run.planned of run ", "- slack: run.planned", "- webhook 127.0.0.1"));
  }

  @Test
  void anApprovalSentBeforeTheCurrentPlanIsRefusedAndChangesNothing() throws IOException {
    scheduled();
    String run = status().state().runId();
    telegram.userSays(CHAT, MAYA, "Maya", "maya", "/aegis proceed " + run);
    // the message's date is older than the plan: as if it had been sent for an earlier round
    RunState s = status().state();
    world.tracker().editComment(ISSUE, status().commentId(), world.tracker().comments(ISSUE).stream()
        .filter(c -> c.id().equals(status().commentId())).findFirst().orElseThrow().body()
        .replace(s.updatedAt().toString(), s.updatedAt().plusSeconds(3600).toString()));

    scheduled();

    assertThat(status().state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(telegram.sent()).extracting(FakeTelegram.Sent::text)
        .anySatisfy(t -> assertThat(t).startsWith("Sorry, that approval was sent before the current plan"));
  }

  @Test
  void aMalformedCommandFromAnApproverIsAnsweredWithWhatIsWrong() throws IOException {
    scheduled();
    telegram.userSays(CHAT, MAYA, "Maya", "maya", "/aegis proceed");

    scheduled();

    assertThat(status().state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(telegram.sent()).extracting(FakeTelegram.Sent::text)
        .anySatisfy(t -> assertThat(t).contains("needs the run id"));
  }

  @Test
  void aCommandForAnUnknownRunIsAnsweredAndChangesNothing() throws IOException {
    scheduled();
    telegram.userSays(CHAT, MAYA, "Maya", "maya", "/aegis proceed 999-nosuch");

    scheduled();

    assertThat(status().state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(telegram.sent()).extracting(FakeTelegram.Sent::text)
        .anySatisfy(t -> assertThat(t).startsWith("There is no Aegis run 999-nosuch"));
  }
}
