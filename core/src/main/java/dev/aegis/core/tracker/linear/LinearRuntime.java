package dev.aegis.core.tracker.linear;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What the Linear client runs on: HTTP client, clock and sleeper (tests pass a fake clock and a sleeper that only
 * records), the page size of listings, and how hard to retry.
 *
 * @param http the HTTP client; its timeouts apply to every call
 * @param clock the time used to read rate-limit reset headers
 * @param sleeper how the client waits before a retry
 * @param pageSize items per page of every listing, 1 to 250 (Linear's maximum)
 * @param maxAttempts tries per call, at least 1; rate limits and (for queries) 5xx answers are retried
 * @param maxWait the longest single wait the client accepts; a rate limit that resets later fails at once with
 *     {@link dev.aegis.core.tracker.TrackerException#retryAfter()} set
 */
public record LinearRuntime(
    OkHttpClient http, Clock clock, Sleeper sleeper, int pageSize, int maxAttempts, Duration maxWait) {

  public LinearRuntime {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(maxWait, "maxWait");
    if (pageSize < 1 || pageSize > 250) {
      throw new IllegalArgumentException("pageSize must be between 1 and 250: " + pageSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** A fresh OkHttp client, the system clock, real sleeping, pages of 50, 4 attempts, waits of up to 60 s. */
  public static LinearRuntime defaults() {
    return new LinearRuntime(
        new OkHttpClient.Builder().socketFactory(new dev.aegis.core.http.NoDelaySockets())
            .callTimeout(Duration.ofSeconds(60)).build(),
        Clock.systemUTC(),
        duration -> Thread.sleep(duration.toMillis()),
        50,
        4,
        Duration.ofSeconds(60));
  }

  public LinearRuntime withHttp(OkHttpClient client) {
    return new LinearRuntime(client, clock, sleeper, pageSize, maxAttempts, maxWait);
  }

  public LinearRuntime withClock(Clock newClock, Sleeper newSleeper) {
    return new LinearRuntime(http, newClock, newSleeper, pageSize, maxAttempts, maxWait);
  }

  public LinearRuntime withPageSize(int size) {
    return new LinearRuntime(http, clock, sleeper, size, maxAttempts, maxWait);
  }

  /** Waits; injected so tests never sleep for real. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }
}
