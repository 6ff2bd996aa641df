package hudson.model;

import java.io.IOException;
import java.util.logging.Level;

/** Mirror of {@code hudson.model.AsyncPeriodicWork} (jenkins-core 2.479.3). */
public abstract class AsyncPeriodicWork extends PeriodicWork {
  public final String name;

  protected AsyncPeriodicWork(String name) {
    this.name = name;
  }

  @Override
  public final void doRun() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  protected Level getNormalLoggingLevel() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}
