package dev.aegis.core.host;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The remote parts a run talks to: one or more trackers (GitHub, Linear) and the one code host whose
 * repository their bugs are fixed in. Close it when done (it may hold connection pools and a cache lock).
 *
 * @param trackers where issues live, at least one, at most one of each {@link Tracker#kind()}, in the order
 *     {@code trackers} lists them
 * @param code where the code and its branches live
 * @param variables repository variables (the pause switch), when the host has them
 * @param onClose releases what the connection holds
 */
public record HostConnection(
    List<Tracker> trackers, CodeHost code, Optional<RepositoryVariables> variables, Runnable onClose)
    implements AutoCloseable {
  public HostConnection {
    trackers = List.copyOf(trackers);
    if (trackers.isEmpty()) {
      throw new IllegalArgumentException("a connection needs at least one tracker");
    }
    Set<String> kinds = new HashSet<>();
    for (Tracker t : trackers) {
      if (!kinds.add(t.kind())) {
        throw new IllegalArgumentException("two trackers of kind " + t.kind());
      }
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(onClose, "onClose");
  }

  /** A connection with one tracker. */
  public HostConnection(Tracker tracker, CodeHost code, Optional<RepositoryVariables> variables, Runnable onClose) {
    this(List.of(tracker), code, variables, onClose);
  }

  /** A connection with one tracker, nothing to release and no variables. */
  public static HostConnection of(Tracker tracker, CodeHost code) {
    return new HostConnection(tracker, code, Optional.empty(), () -> { });
  }

  /** The first tracker (the only one unless {@code trackers} lists several). */
  public Tracker tracker() {
    return trackers.get(0);
  }

  /** The tracker of this kind ({@code github}, {@code linear}), when it is connected. */
  public Optional<Tracker> tracker(String kind) {
    return trackers.stream().filter(t -> t.kind().equals(kind)).findFirst();
  }

  /**
   * The tracker that owns {@code key}.
   *
   * @throws IllegalArgumentException naming the configured trackers when none is of the key's kind
   */
  public Tracker trackerOf(IssueKey key) {
    return tracker(key.tracker()).orElseThrow(() -> new IllegalArgumentException(key.display() + " is a "
        + key.tracker() + " issue, but the configured trackers are " + String.join(", ",
            trackers.stream().map(Tracker::kind).toList()) + " (add " + key.tracker() + " to 'trackers')"));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
