package hudson.triggers;

import java.util.TimerTask;

/** Mirror of {@code hudson.triggers.SafeTimerTask} (jenkins-core 2.479.3). */
public abstract class SafeTimerTask extends TimerTask {
  protected SafeTimerTask() {}

  @Override
  public final void run() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  protected abstract void doRun() throws Exception;
}
