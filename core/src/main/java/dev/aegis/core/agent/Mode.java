package dev.aegis.core.agent;

/** What a run is for. */
public enum Mode {
  /** Investigate and report a root-cause analysis (the RCA checkpoint); usually read-only. */
  PLAN,
  /** Make the minimal fix with a regression test and report what changed. */
  FIX
}
