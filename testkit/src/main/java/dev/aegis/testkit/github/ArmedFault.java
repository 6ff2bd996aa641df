package dev.aegis.testkit.github;

import java.util.concurrent.atomic.AtomicInteger;

/** A fault armed on a {@link FakeGitHub}: tells a test whether (and how often) it struck. */
public final class ArmedFault {
  private final String description;
  private final Fault.When when;
  private final Fault fault;
  private final AtomicInteger strikes = new AtomicInteger();

  ArmedFault(String description, Fault.When when, Fault fault) {
    this.description = description;
    this.when = when;
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }

  public Fault.When when() {
    return when;
  }

  /** True once the fault struck a request. */
  public boolean fired() {
    return strikes.get() > 0;
  }

  public int strikes() {
    return strikes.get();
  }

  void strike() {
    strikes.incrementAndGet();
  }

  @Override
  public String toString() {
    return description + (fired() ? " (struck " + strikes() + "x)" : " (not struck yet)");
  }
}
