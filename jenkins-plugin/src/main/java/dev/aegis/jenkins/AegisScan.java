package dev.aegis.jenkins;

import dev.aegis.core.host.CoreEntry;
import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * The periodic scan on the controller. Jenkins reads {@link #getRecurrencePeriod()} once, when it registers
 * periodic work, so this ticks every minute and {@link ScanScheduler} applies the configured period and the
 * pause, read afresh each tick. Its log is Manage Jenkins > System Log's task log "Aegis scan"
 * ({@code $JENKINS_HOME/logs/tasks/Aegis scan.log}).
 */
@Extension
public final class AegisScan extends AsyncPeriodicWork {
  static final long TICK_MILLIS = TimeUnit.MINUTES.toMillis(1);
  private static final Duration DEDUP_MEMORY = Duration.ofHours(24);

  private final ScanCycle cycle = new ScanCycle(new WorkDeduplicator(DEDUP_MEMORY));

  public AegisScan() {
    super("Aegis scan");
  }

  @Override
  public long getRecurrencePeriod() {
    return TICK_MILLIS;
  }

  @Override
  protected Level getNormalLoggingLevel() {
    // a tick a minute: keep "started/finished" lines out of the Jenkins log
    return Level.FINE;
  }

  /** Asks for a scan on the next tick (a verified webhook event). */
  public void requestScan() {
    cycle.requestScan();
  }

  @Override
  protected void execute(TaskListener listener) throws IOException, InterruptedException {
    AegisSettings settings = AegisGlobalConfiguration.currentSettings();
    MaskingLog log = new MaskingLog(listener.getLogger(), List.of());
    cycle.tick(
        settings,
        Instant.now(),
        () -> {
          ControllerContext context = ControllerContext.of(settings, new ControllerSecrets());
          context.secrets().forEach(log::mask);
          return new CoreWorkSource(new CoreEntry(), context, scratchDirectory());
        },
        new JenkinsWorkerLauncher(),
        log);
  }

  private static Path scratchDirectory() {
    try {
      return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "aegis-scan"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the scan's scratch directory: " + e.getMessage(), e);
    }
  }
}
