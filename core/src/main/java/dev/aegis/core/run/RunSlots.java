package dev.aegis.core.run;

import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The run slots of one scan: {@code max-concurrent-runs} shared by every configured tracker, so a scan that
 * covers GitHub and Linear starts no more runs in total than the limit allows. The runs in progress are counted
 * once, when a claim is first considered; each claim (or, on a dry run, each "would run") then takes a slot.
 * Not thread-safe: one scan, one thread.
 */
public final class RunSlots {
  private final int max;
  private final IntSupplier countActive;
  private Integer active;

  /**
   * @param max the most runs in progress at once
   * @param countActive counts the runs in progress now (called at most once)
   */
  public RunSlots(int max, IntSupplier countActive) {
    this.max = max;
    this.countActive = Objects.requireNonNull(countActive, "countActive");
  }

  /** Slots for {@code max} runs across {@code trackers}, counting the issues each shows in progress. */
  public static RunSlots across(int max, List<Tracker> trackers) {
    List<Tracker> all = List.copyOf(trackers);
    return new RunSlots(max, () -> all.stream().mapToInt(t -> t.issuesIn(Phase.IN_PROGRESS).size()).sum());
  }

  /** True when another run may start. */
  public boolean available() {
    return active() < max;
  }

  /** Takes a slot. */
  public void take() {
    active = active() + 1;
  }

  /** Why no slot is left, for a decision line. */
  public String describe() {
    return "max concurrent runs reached (" + active() + " of " + max + ")";
  }

  private int active() {
    if (active == null) {
      active = countActive.getAsInt();
    }
    return active;
  }
}
