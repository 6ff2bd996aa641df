package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
