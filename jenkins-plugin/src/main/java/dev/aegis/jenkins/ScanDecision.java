package dev.aegis.jenkins;

/** What one tick of the periodic scan should do, and why. */
public enum ScanDecision {
  /** Max concurrent runs is 0: no scans, claims or approvals. */
  PAUSED,
  /** No tracker, token or worker job configured: nothing can be started. */
  NOT_CONFIGURED,
  /** Configured, but the scan period has not elapsed since the last scan. */
  NOT_DUE,
  /** Scan now. */
  DUE
}
