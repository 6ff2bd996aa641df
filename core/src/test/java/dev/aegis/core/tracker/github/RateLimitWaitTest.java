package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitWaitTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static java.util.Optional<Duration> wait(int status, Map<String, String> headers) {
    return RateLimitWait.of(status, headers::get, NOW);
  }

  @Test
  void primaryLimitWaitsUntilTheReset() {
    assertThat(wait(403, Map.of("x-ratelimit-remaining", "0",
        "x-ratelimit-reset", Long.toString(NOW.plusSeconds(90).getEpochSecond()))))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void resetInThePastStillWaitsASecond() {
    assertThat(wait(429, Map.of("x-ratelimit-remaining", "0",
        "x-ratelimit-reset", Long.toString(NOW.minusSeconds(5).getEpochSecond()))))
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void secondaryLimitWaitsRetryAfterOrAMinute() {
    assertThat(wait(403, Map.of("retry-after", "12"))).contains(Duration.ofSeconds(12));
    assertThat(wait(429, Map.of())).contains(Duration.ofMinutes(1));
  }

  @Test
  void plainForbiddenAndOtherStatusesAreNotRateLimits() {
    assertThat(wait(403, Map.of("x-ratelimit-remaining", "12"))).isEmpty();
    assertThat(wait(500, Map.of("retry-after", "3"))).isEmpty();
  }
}
