package hudson.model;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.triggers.SafeTimerTask;

/** Mirror of {@code hudson.model.PeriodicWork} (jenkins-core 2.479.3). */
public abstract class PeriodicWork extends SafeTimerTask implements ExtensionPoint {
  public PeriodicWork() {}

  public abstract long getRecurrencePeriod();

  public static ExtensionList<PeriodicWork> all() {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
