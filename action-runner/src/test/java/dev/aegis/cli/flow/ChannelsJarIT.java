package dev.aegis.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.cli.ExitCodes;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.channels.FakeSlackWebhook;
import dev.aegis.testkit.channels.WebhookReceiver;
import dev.aegis.testkit.github.FakeIssue;
import dev.aegis.testkit.model.ScriptedModelServer;
import dev.aegis.testkit.telegram.FakeTelegram;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The channels end to end through the jar: the RCA goes to Telegram, Slack, email (a real SMTP server over TLS)
 * and a signed webhook; an approval
 * from an allowed Telegram user is read by the next scheduled job and opens the pull request; a stranger's
 * approval is refused once; every event is told once; and with every channel down the run still ends right.
 */
class ChannelsJarIT extends InJarWorld {
  private static final String TOKEN = "7000000001:AAjarTokenForTheChannelsTest_1";
  private static final String HOOK_SECRET = "whsec-jar-0123456789abcdef";
  private static final long CHAT = 4242L;
  private static final long MAYA = 11L;
  private static final long MALLORY = 66L;

  private final FakeTelegram telegram = FakeTelegram.start(TOKEN, Clock.systemUTC()).chat(CHAT);
  private final FakeSlackWebhook slack = FakeSlackWebhook.start();
  private final WebhookReceiver hooks = WebhookReceiver.start(HOOK_SECRET);
  private static final String SMTP_PASSWORD = "smtp-jar-pass-0123";
  private GreenMail mail;
  private Path trustStore;

  /**
   * A real SMTP server taking TLS on a certificate made for 127.0.0.1 here (GreenMail's bundled one names no
   * host, and Aegis checks the server's identity); the jar trusts it through its JVM's trust store.
   */
  @org.junit.jupiter.api.BeforeEach
  void startMail() throws Exception {
    Path dir = java.nio.file.Files.createDirectories(tmp.resolve("tls"));
    Path keys = dir.resolve("smtp.p12");
    trustStore = dir.resolve("trust.p12");
    Path cert = dir.resolve("smtp.crt");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    exec(keytool, "-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-keystore", keys.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit");
    exec(keytool, "-exportcert", "-alias", "smtp", "-keystore", keys.toString(), "-storepass", "changeit",
        "-file", cert.toString());
    exec(keytool, "-importcert", "-noprompt", "-alias", "smtp", "-file", cert.toString(), "-keystore",
        trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
    System.setProperty("greenmail.tls.keystore.file", keys.toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    mail = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
    mail.start();
    mail.setUser("aegis@example.com", "aegis@example.com", SMTP_PASSWORD);
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
  }

  @AfterEach
  void stopChannels() {
    mail.stop();
    telegram.close();
    slack.close();
    hooks.close();
  }

  private Map<String, String> channels() {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("AEGIS_TELEGRAM_CHAT_ID", String.valueOf(CHAT));
    env.put("AEGIS_TELEGRAM_APPROVERS", String.valueOf(MAYA));
    env.put("AEGIS_TELEGRAM_API_URL", telegram.apiUrl());
    env.put("AEGIS_SLACK_WEBHOOK_URL", slack.url());
    env.put("AEGIS_WEBHOOKS", hooks.url());
    env.put("AEGIS_WEBHOOK_SECRET", HOOK_SECRET);
    env.put("AEGIS_SMTP_URL", "smtps://aegis%40example.com:" + SMTP_PASSWORD + "@127.0.0.1:" + mail.getSmtps().getPort());
    env.put("AEGIS_EMAIL_TO", "dana@example.com");
    env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword=changeit");
    return env;
  }

  @Test
  void anRcaOnTelegramApprovedThereOpensThePullRequestAndEveryChannelIsToldOnce() {
    try (ScriptedModelServer model = ScriptedModelServer.start(Scripts.concat(Scripts.PLAN, Scripts.FIX_WITH_TEST))) {
      Map<String, String> llm = JarWorld.overHttp(model);

      world.run("issues", world.labeled(), llm, channels()).expectExit(ExitCodes.OK);

      String run = world.state().runId();
      world.assertConverged(Phase.AWAITING_APPROVAL, 0);
      assertThat(telegram.sent()).singleElement().satisfies(m -> assertThat(m.text())
          .contains("The bug:", "Risk: low. Run " + run, "/aegis proceed " + run, "/aegis stop " + run,
              "/aegis ask " + run));

      telegram.userSays(CHAT, MALLORY, "Mallory", "mallory", "/aegis proceed " + run);
      telegram.userSays(CHAT, MAYA, "Maya", "maya", "/aegis proceed " + run);
      Job.Result scan = world.run("schedule", world.schedule(), llm, channels()).expectExit(ExitCodes.OK);

      world.assertConverged(Phase.PR_OPENED, 1);
      FakeIssue pr = world.pulls().get(0);
      assertThat(pr.body()).contains("approved by Maya on Telegram");
      assertThat(telegram.sent()).extracting(FakeTelegram.Sent::text)
          .anySatisfy(t -> assertThat(t).startsWith("Sorry Mallory, only the maintainers listed"))
          .anySatisfy(t -> assertThat(t).contains("Aegis opened a pull request for run " + run, "/pull/" + pr.number()));
      int told = telegram.sent().size();

      world.run("schedule", world.schedule(), llm, channels()).expectExit(ExitCodes.OK);

      assertThat(telegram.sent()).hasSize(told);
      assertThat(telegram.violations()).isEmpty();
      assertThat(telegram.pendingUpdates()).isZero();
      assertThat(slack.messages()).hasSize(2);
      assertThat(slack.refused()).isEmpty();
      assertThat(hooks.rejected()).isEmpty();
      assertThat(hooks.accepted()).extracting(WebhookReceiver.Accepted::event)
          .containsExactly("run.claimed", "run.planned", "run.approved", "run.pr_opened");
      assertThat(hooks.repeats()).isZero();
      // Actions hides what ::add-mask:: names; every other line must not hold a channel secret
      assertThat(unmasked(scan)).doesNotContain(TOKEN).doesNotContain(HOOK_SECRET).doesNotContain(slack.url());
      assertThat(scan.output()).contains("::add-mask::" + TOKEN, "::add-mask::" + slack.url());
      assertThat(world.everythingPublished()).doesNotContain(TOKEN).doesNotContain(slack.url());
    }
  }

  private static String unmasked(Job.Result r) {
    return String.join("\n", r.output().lines().filter(l -> !l.startsWith("::add-mask::")).toList());
  }

  @Test
  void everyChannelDownAtOnceLeavesTheRunRightOnGitHub() {
    Map<String, String> down = new HashMap<>(channels());
    down.put("AEGIS_TELEGRAM_API_URL", "http://127.0.0.1:1");
    down.put("AEGIS_SLACK_WEBHOOK_URL", slack.removedUrl());
    down.put("AEGIS_CHANNELS_BUDGET_SECONDS", "2");
    down.put("AEGIS_SMTP_URL", "smtps://aegis%40example.com:wrong-pass-999@127.0.0.1:" + mail.getSmtps().getPort());
    hooks.failNext(503, 503, 503, 503, 503, 503, 503, 503);

    Job.Result r = world.run("issues", world.labeled(), world.scripted("plan", Scripts.PLAN), down)
        .expectExit(ExitCodes.OK);

    world.assertConverged(Phase.AWAITING_APPROVAL, 0);
    assertThat(world.statusText()).contains("root-cause analysis: awaiting approval");
    assertThat(r.output()).contains("Channel telegram was not told run.planned", "Channel slack was not told run.planned",
        "no_service", "Channel webhook 127.0.0.1", "Channel email was not told run.planned",
        "refused the login of aegis@example.com");
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(unmasked(r)).doesNotContain(slack.removedUrl()).doesNotContain("wrong-pass-999");
  }
}
