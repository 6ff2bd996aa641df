package dev.aegis.core.host;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.tracker.Tracker;
import java.util.Objects;

/**
 * The remote parts a run talks to.
 *
 * @param tracker where issues live
 * @param code where the code and its branches live
 */
public record Connection(Tracker tracker, CodeHost code) {
  public Connection {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(code, "code");
  }
}
