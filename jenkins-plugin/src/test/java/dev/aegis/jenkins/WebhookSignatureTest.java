package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] BODY = "{\"action\":\"labeled\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesGitHubsDocumentedExample() {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    String header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    assertThat(WebhookSignature.verify("It's a Secret to Everybody", body, header))
        .isEqualTo(WebhookSignature.Verdict.VALID);
  }

  @Test
  void validSignatureIsAccepted() {
    assertThat(WebhookSignature.verify("s3cret", BODY, WebhookSignature.sign("s3cret", BODY)))
        .isEqualTo(WebhookSignature.Verdict.VALID);
  }

  @Test
  void uppercaseHexIsAccepted() {
    String header = WebhookSignature.sign("s3cret", BODY).toUpperCase(Locale.ROOT);
    assertThat(WebhookSignature.verify("s3cret", BODY, header)).isEqualTo(WebhookSignature.Verdict.VALID);
  }

  @Test
  void wrongSecretIsAMismatch() {
    assertThat(WebhookSignature.verify("s3cret", BODY, WebhookSignature.sign("other", BODY)))
        .isEqualTo(WebhookSignature.Verdict.MISMATCH);
  }

  @Test
  void tamperedBodyIsAMismatch() {
    String header = WebhookSignature.sign("s3cret", BODY);
    byte[] tampered = "{\"action\":\"closed\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.verify("s3cret", tampered, header)).isEqualTo(WebhookSignature.Verdict.MISMATCH);
  }

  @Test
  void missingHeaderIsMissing() {
    assertThat(WebhookSignature.verify("s3cret", BODY, null)).isEqualTo(WebhookSignature.Verdict.MISSING);
    assertThat(WebhookSignature.verify("s3cret", BODY, " ")).isEqualTo(WebhookSignature.Verdict.MISSING);
  }

  @Test
  void sha1HeaderOrGarbageIsMalformed() {
    assertThat(WebhookSignature.verify("s3cret", BODY, "sha1=0123456789abcdef0123456789abcdef01234567"))
        .isEqualTo(WebhookSignature.Verdict.MALFORMED);
    assertThat(WebhookSignature.verify("s3cret", BODY, "sha256=" + "zz".repeat(32)))
        .isEqualTo(WebhookSignature.Verdict.MALFORMED);
  }
}
