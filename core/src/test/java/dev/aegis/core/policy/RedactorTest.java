package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  static final String SECRET = "ghp_abcdefghijklmnop123456";

  @Test
  void knownValuesAreMasked() {
    assertThat(Redactor.of(List.of(SECRET)).redact("token=" + SECRET + " done")).isEqualTo("token=*** done");
  }

  @Test
  void aSecretBrokenAcrossLinesIsMasked() {
    String folded = "ghp_abcdefg\nhijklmnop\r\n123456 tail";
    assertThat(Redactor.of(List.of(SECRET)).redact(folded)).isEqualTo("*** tail");
  }

  @Test
  void eachLineOfAMultiLineSecretIsMaskedOnItsOwn() {
    String pem = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\n-----END KEY-----";
    assertThat(Redactor.of(List.of(pem)).redact("line: MIIEvQIBADANBgkqhkiG9w0BAQEF")).isEqualTo("line: ***");
  }

  @Test
  void shortAndBlankValuesAreIgnored() {
    assertThat(Redactor.of(List.of("abc", " ", "")).redact("abc def")).isEqualTo("abc def");
  }

  @Test
  void longerSecretsWinOverTheirPrefixes() {
    assertThat(Redactor.of(List.of("abcd", "abcdefgh")).redact("abcdefgh")).isEqualTo("***");
  }

  @Test
  void aReversedSecretIsMasked() {
    String reversed = new StringBuilder(SECRET).reverse().toString();
    assertThat(Redactor.of(List.of(SECRET)).redact("x " + reversed + " y")).isEqualTo("x *** y");
  }

  @Test
  void hexInEitherCaseIsMasked() {
    String hex = java.util.HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));
    Redactor r = Redactor.of(List.of(SECRET));
    assertThat(r.redact(hex)).isEqualTo("***");
    assertThat(r.redact(hex.toUpperCase(java.util.Locale.ROOT))).isEqualTo("***");
  }

  @Test
  void aUrlEncodedSecretIsMasked() {
    String secret = "p@ss/w0rd+more=yes";
    String encoded = java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
    assertThat(Redactor.of(List.of(secret)).redact("?d=" + encoded)).isEqualTo("?d=***");
  }

  /** {@code env | base64}: the secret sits at any byte offset inside a longer stream. */
  @ParameterizedTest
  @ValueSource(strings = {"", "A", "AB", "GITHUB_TOKEN=", "PATH=/usr/bin\nGITHUB_TOKEN="})
  void base64OfAStreamHoldingTheSecretAtAnyOffsetHidesIt(String before) {
    String stream = before.replace("\\n", "\n") + SECRET + "\nHOME=/home/runner\n";
    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder(), Base64.getMimeEncoder())) {
      String encoded = encoder.encodeToString(stream.getBytes(StandardCharsets.UTF_8)).replace("\r\n", "");
      String redacted = Redactor.of(List.of(SECRET)).redact(encoded);
      assertThat(redacted).contains("***");
      assertThat(decodedLeftovers(redacted)).doesNotContain(SECRET.substring(4, 20));
    }
  }

  @Test
  void reversedThenBase64IsMasked() {
    String attack = Base64.getEncoder().encodeToString(("X=" + new StringBuilder(SECRET).reverse()).getBytes(
        StandardCharsets.UTF_8));
    assertThat(Redactor.of(List.of(SECRET)).redact(attack)).contains("***");
  }

  @Test
  void encodingsOfShortSecretsAreNotMaskedSoOrdinaryTextSurvives() {
    assertThat(Redactor.encodings("abcdefg")).isEmpty();
    assertThat(Redactor.of(List.of("abcd")).redact("YWJjZA== dcba 61626364")).isEqualTo("YWJjZA== dcba 61626364");
  }

  /** What is left of the base64 text once the masks are cut out, decoded piecewise where it still decodes. */
  private static String decodedLeftovers(String redacted) {
    StringBuilder out = new StringBuilder();
    for (String part : redacted.split("\\*\\*\\*")) {
      String usable = part.substring(0, part.length() - part.length() % 4).replace('-', '+').replace('_', '/');
      try {
        out.append(new String(Base64.getDecoder().decode(usable), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a piece that no longer decodes holds nothing readable
      }
    }
    return out.toString();
  }
}
