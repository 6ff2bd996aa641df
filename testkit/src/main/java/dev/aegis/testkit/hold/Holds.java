package dev.aegis.testkit.hold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The holds armed on one fake server. Each hold parks the first request it matches, once; requests that
 * match no hold are served at once. {@link #dropAll()} frees every parked server thread (fakes call it when
 * they close).
 *
 * @param <R> what the server knows about a request when it decides whether to hold it
 */
public final class Holds<R> {
  /** The longest a request stays parked before it is dropped anyway. */
  public static final Duration MAX_PARK = Duration.ofMinutes(2);

  private final List<Armed<R>> armed = new ArrayList<>();
  private final List<HeldRequest> all = new ArrayList<>();

  /** Arms a hold for the next request matching {@code matches}, described for failure messages. */
  public synchronized HeldRequest arm(String description, Predicate<R> matches) {
    HeldRequest held = new HeldRequest(description);
    armed.add(new Armed<>(Objects.requireNonNull(matches, "matches"), held));
    all.add(held);
    return held;
  }

  /**
   * Called on the server thread before a request is served: parks it when a hold matches.
   *
   * @return true to serve the request, false to drop it unserved
   */
  public boolean pass(R request, String body) {
    HeldRequest held = take(request);
    return held == null || held.park(body, MAX_PARK);
  }

  /** Drops every parked request and every armed hold that has not matched yet. */
  public void dropAll() {
    List<HeldRequest> copy;
    synchronized (this) {
      copy = List.copyOf(all);
      armed.clear();
    }
    copy.forEach(HeldRequest::drop);
  }

  private synchronized HeldRequest take(R request) {
    Iterator<Armed<R>> it = armed.iterator();
    while (it.hasNext()) {
      Armed<R> a = it.next();
      if (a.matches().test(request)) {
        it.remove();
        return a.held();
      }
    }
    return null;
  }

  private record Armed<R>(Predicate<R> matches, HeldRequest held) {}
}
