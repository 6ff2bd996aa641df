package dev.aegis.core.host;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.Tracker;
import java.util.Objects;
import java.util.Optional;

/**
 * The remote parts a run talks to. Close it when done (it may hold a connection pool and a cache lock).
 *
 * @param tracker where issues live
 * @param code where the code and its branches live
 * @param variables repository variables (the pause switch), when the host has them
 * @param onClose releases what the connection holds
 */
public record Connection(Tracker tracker, CodeHost code, Optional<RepositoryVariables> variables, Runnable onClose)
    implements AutoCloseable {
  public Connection {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(onClose, "onClose");
  }

  /** A connection with nothing to release and no variables. */
  public static Connection of(Tracker tracker, CodeHost code) {
    return new Connection(tracker, code, Optional.empty(), () -> { });
  }

  @Override
  public void close() {
    onClose.run();
  }
}
