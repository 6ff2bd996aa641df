package dev.aegis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Secrets;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email through a real SMTP server (GreenMail) that takes TLS and checks the login. */
class EmailChannelTest {
  private static final String PASSWORD = "s3cret-smtp-pass!";
  private GreenMail mail;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
    mail.start();
    mail.setUser("aegis@example.com", "aegis@example.com", PASSWORD);
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private static Properties trustTestCertificate() {
    Properties p = new Properties();
    p.put("mail.smtps.ssl.trust", "127.0.0.1");
    p.put("mail.smtps.ssl.checkserveridentity", "false");
    return p;
  }

  private String smtpsUrl(String password) {
    return "smtps://aegis%40example.com:" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
        + "@127.0.0.1:" + mail.getSmtps().getPort();
  }

  private EmailChannel channel(String url) throws Exception {
    return new EmailChannel(EmailChannel.Server.parse(url), EmailChannel.address("aegis@example.com"),
        List.of(EmailChannel.address("dana@example.com")), Duration.ofSeconds(5), trustTestCertificate());
  }

  private static RunEvent planned() {
    return RunEvent.of(RunEvent.Kind.PLANNED, "r-7", "#42", "https://github.com/acme/calc/issues/42",
        "add returns the difference", "r0", Instant.parse("2026-12-06T10:00:00Z"))
        .withPlan("add 2 3 prints -1.", "add calls sub.", "Use +.", "low");
  }

  @Test
  void theRcaArrivesOverTlsAsPlainTextWithTheDeliveryIdAsMessageId() throws Exception {
    channel(smtpsUrl(PASSWORD)).send(planned());

    MimeMessage[] got = mail.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getSubject()).isEqualTo("[Aegis] #42 root cause found, approval wanted (run r-7)");
    assertThat(got[0].getContentType()).startsWith("text/plain");
    assertThat((String) got[0].getContent()).contains("The bug: add 2 3 prints -1.", "Risk: low. Run r-7.",
        "Answer on the issue: /aegis proceed r-7", "https://github.com/acme/calc/issues/42");
    assertThat(got[0].getMessageID()).isEqualTo("<" + planned().deliveryId() + "@aegis>");
    assertThat(got[0].getHeader("X-Aegis-Event")).containsExactly("run.planned");
    assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("dana@example.com");
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailureThatNamesNoPassword() {
    assertThatThrownBy(() -> channel(smtpsUrl("wrong-password-123")).send(planned()))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("refused the login of aegis@example.com")
        .hasMessageNotContaining("wrong-password-123");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void plainSmtpRequiresStarttlsAndAServerWithoutItIsRefusedBeforeTheLogin() {
    String url = "smtp://aegis%40example.com:pw@127.0.0.1:" + mail.getSmtp().getPort();

    assertThatThrownBy(() -> channel(url).send(planned()))
        .isInstanceOf(ChannelException.class).hasMessageContaining("STARTTLS");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void badAddressesAreRefusedWithWhatToWrite() {
    assertThatThrownBy(() -> EmailChannel.Server.parse("http://mail.example.com"))
        .hasMessageContaining("must start with smtps:// (TLS) or smtp:// (STARTTLS)");
    assertThatThrownBy(() -> EmailChannel.Server.parse("smtps://user:p@ss word@"))
        .hasMessageContaining("AEGIS_SMTP_URL").hasMessageNotContaining("p@ss");
  }

  @Test
  void setupLeavesEmailOutWithAWarningWhenTheRecipientsAreMissingAndNeverPrintsTheUrl() {
    List<String> warnings = new ArrayList<>();
    String url = smtpsUrl(PASSWORD);
    Map<String, String> env = Map.of(ChannelSetup.SMTP_URL, url);
    Redactor redactor = Secrets.fromEnvironment(env, List.of(), List.of()).redactor();
    Channels c = new ChannelSetup(new ConfigLoader().load(tmp, Map.of(), Map.of(), "test"), env, redactor,
        warnings::add, new Random(1)).channels();

    assertThat(c.isEmpty()).isTrue();
    assertThat(warnings).singleElement().asString().contains("`email.to`").doesNotContain(PASSWORD);
  }

  @Test
  void aMailServerThatIsDownIsAFailedDeliveryWithinTheBudget() throws Exception {
    int port = mail.getSmtps().getPort();
    mail.stop();
    List<String> log = new ArrayList<>();
    Channels channels = new Channels(List.of(channel("smtps://u:" + PASSWORD + "@127.0.0.1:" + port)),
        Duration.ofSeconds(3), Redactor.of(List.of(PASSWORD)), log::add);

    List<Delivery> out = channels.announce(planned());

    assertThat(out).singleElement().extracting(Delivery::status).isEqualTo(Delivery.Status.FAILED);
    assertThat(log).singleElement().asString().contains("email", "failed").doesNotContain(PASSWORD);
    mail.start();
  }
}
