package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private final WorkDeduplicator deduplicator = new WorkDeduplicator(Duration.ofHours(1));

  @Test
  void aKeyIsNewOnlyTheFirstTime() {
    assertThat(deduplicator.firstTime("claim:42", T0)).isTrue();
    assertThat(deduplicator.firstTime("claim:42", T0.plusSeconds(60))).isFalse();
    assertThat(deduplicator.firstTime("claim:43", T0.plusSeconds(60))).isTrue();
  }

  @Test
  void keysAreForgottenAfterTheMemoryWindow() {
    deduplicator.firstTime("claim:42", T0);

    assertThat(deduplicator.firstTime("claim:42", T0.plus(Duration.ofMinutes(61)))).isTrue();
    assertThat(deduplicator.size()).isEqualTo(1);
  }

  @Test
  void aForgottenKeyIsNewAgain() {
    deduplicator.firstTime("claim:42", T0);
    deduplicator.forget("claim:42");

    assertThat(deduplicator.firstTime("claim:42", T0)).isTrue();
  }

  @Test
  void memoryMustBePositive() {
    assertThatThrownBy(() -> new WorkDeduplicator(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
