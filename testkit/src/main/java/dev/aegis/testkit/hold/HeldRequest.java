package dev.aegis.testkit.hold;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One request a fake server parks instead of answering, so a test can act at that precise moment (for
 * example kill the client process) and then decide the request's fate: {@link #release()} serves it as if
 * it had never been held, {@link #drop()} never serves it (nothing it asked for happens; the server answers
 * 502 to whoever is still listening).
 *
 * <p>A request left undecided is dropped when its fake closes, or after {@link Holds#MAX_PARK}, so no server
 * thread waits forever.
 */
public final class HeldRequest {
  private final String description;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile boolean serve;
  private volatile String body = "";

  HeldRequest(String description) {
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * Waits until a matching request is parked.
   *
   * @return this
   * @throws AssertionError when none arrives within {@code timeout}
   */
  public HeldRequest awaitArrival(Duration timeout) {
    try {
      if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("no request matching " + description + " arrived within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + description, e);
    }
    return this;
  }

  /** True once a matching request is parked (or was). */
  public boolean arrived() {
    return arrived.getCount() == 0;
  }

  /** The parked request's body as text; empty until one arrived. */
  public String body() {
    return body;
  }

  /** Serves the parked request (or, when none arrived yet, the matching one as soon as it comes). */
  public void release() {
    decide(true);
  }

  /** Never serves the parked request (or the matching one yet to come). */
  public void drop() {
    decide(false);
  }

  @Override
  public String toString() {
    return "held " + description + (arrived() ? " (parked)" : " (waiting)");
  }

  private synchronized void decide(boolean value) {
    if (decided.getCount() > 0) {
      serve = value;
      decided.countDown();
    }
  }

  /** Called on the server thread: parks until decided; true to serve the request. */
  boolean park(String requestBody, Duration max) {
    body = Objects.requireNonNullElse(requestBody, "");
    arrived.countDown();
    try {
      if (!decided.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
        drop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drop();
    }
    return serve;
  }
}
