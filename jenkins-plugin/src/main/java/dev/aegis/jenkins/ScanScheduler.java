package dev.aegis.jenkins;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides, on each one-minute tick, whether the periodic scan runs. Jenkins reads
 * {@code PeriodicWork.getRecurrencePeriod()} once, when it registers the work, so the scan ticks every
 * minute and this class applies the configured period, read afresh on every tick: a period or pause change
 * takes effect within a minute, without a restart.
 */
public final class ScanScheduler {

  /**
   * @param settings the current global configuration
   * @param now the tick's time
   * @param lastScan when the last scan started, or null when none ran since Jenkins started
   */
  public ScanDecision decide(AegisSettings settings, Instant now, Instant lastScan) {
    if (settings.paused()) {
      return ScanDecision.PAUSED;
    }
    if (missingConfiguration(settings) != null) {
      return ScanDecision.NOT_CONFIGURED;
    }
    if (lastScan == null) {
      return ScanDecision.DUE;
    }
    Duration elapsed = Duration.between(lastScan, now);
    // a clock that went backwards must not stall scanning for the size of the jump
    if (elapsed.isNegative() || elapsed.compareTo(Duration.ofMinutes(settings.scanPeriodMinutes())) >= 0) {
      return ScanDecision.DUE;
    }
    return ScanDecision.NOT_DUE;
  }

  /**
   * What is missing for the controller (scan or webhook) to start anything, or null when nothing is.
   */
  public String missingConfiguration(AegisSettings settings) {
    if (settings.repository() == null) {
      return "no tracker: set the GitHub repository";
    }
    if (settings.credentialsId() == null) {
      return "no GitHub token: choose the token's credentials";
    }
    if (settings.githubLogin() == null) {
      return "no GitHub login: name the account the token acts as, so Aegis recognises its own comments";
    }
    if (Trackers.includesLinear(settings) && settings.linearCredentialsId() == null) {
      return "no Linear API key: choose the Linear API key's credentials (Aegis tracks Linear)";
    }
    if (settings.workerJob() == null) {
      return "no worker job: name the job the scan starts";
    }
    return null;
  }
}
