package dev.aegis.core.support;

import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Programs;

/** The sandbox tests run commands in: detected once for the test JVM, as Aegis does once per process. */
public final class Sandboxes {
  /** The trusted programs of this machine. */
  public static final Programs PROGRAMS = Programs.find();
  /** The strongest isolation this machine offers (namespaces on CI). */
  public static final CommandSandbox DETECTED = CommandSandbox.detect(PROGRAMS);

  private Sandboxes() {}

  /** A sandbox that does not isolate. */
  public static CommandSandbox unisolated() {
    return CommandSandbox.unisolated(PROGRAMS);
  }
}
