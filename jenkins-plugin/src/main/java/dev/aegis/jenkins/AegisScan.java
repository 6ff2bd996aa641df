package dev.aegis.jenkins;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.WorkItem;
import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller side of Aegis: the periodic scan, and the handling of verified webhook events. Jenkins reads
 * {@link #getRecurrencePeriod()} once, when it registers periodic work, so this ticks every minute and
 * {@link ScanScheduler} applies the configured period and the pause, read afresh each tick. Its log is
 * Manage Jenkins > System Log's task log "Aegis scan" ({@code $JENKINS_HOME/logs/tasks/Aegis scan.log}), and its
 * warnings also go to the Jenkins log at WARNING; webhook events (GitHub and Linear) log to the Jenkins log under
 * {@code dev.aegis.jenkins.AegisScan}, their warnings at WARNING. Scans and
 * events share one {@link WorkStarter}, so each piece of work starts the worker job once whichever finds it.
 */
@Extension
public final class AegisScan extends AsyncPeriodicWork {
  static final long TICK_MILLIS = TimeUnit.MINUTES.toMillis(1);
  private static final Duration MEMORY = Duration.ofHours(24);
  private static final Logger LOGGER = Logger.getLogger(AegisScan.class.getName());
  /** Events waiting for the core; beyond this the webhook answers "busy" and the next scan catches up. */
  private static final int EVENT_BACKLOG = 100;

  private final WorkStarter starter = new WorkStarter(MEMORY);
  private final ScanCycle cycle = new ScanCycle(starter);
  private final ExecutorService events =
      new ThreadPoolExecutor(
          1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(EVENT_BACKLOG), AegisScan::eventThread);
  private final CoreEventDispatcher dispatcher =
      new CoreEventDispatcher(AegisGlobalConfiguration::currentSettings, events, this::handleEvent);
  private final LinearEventDispatcher linearDispatcher =
      new LinearEventDispatcher(AegisGlobalConfiguration::currentSettings, events, this::handleLinearEvent);

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

  /** Where the webhook hands verified GitHub events. */
  WebhookDispatcher webhookDispatcher() {
    return dispatcher;
  }

  /** Where the webhook hands verified Linear deliveries. */
  LinearDispatcher linearDispatcher() {
    return linearDispatcher;
  }

  @Override
  protected void execute(TaskListener listener) throws IOException, InterruptedException {
    AegisSettings settings = AegisGlobalConfiguration.currentSettings();
    MaskingLog log = MaskingLog.toTaskLog(listener.getLogger(), LOGGER);
    PluginClassLoader.call(
        () ->
            cycle.tick(
                settings,
                Instant.now(),
                () -> new CoreWorkSource(new CoreEntry(), context(settings, log), scratchDirectory()),
                new JenkinsWorkerLauncher(),
                log));
  }

  /** On the event thread, as the system (like the scan): the core's {@code event}, then the worker starts. */
  private void handleEvent(AegisSettings settings, WebhookEvent event) {
    handle(settings, "GitHub event " + event.describe(), log -> eventSource(settings, log).find(event, log));
  }

  /** On the event thread, as the system: the core's {@code linear-event}, then the worker starts. */
  private void handleLinearEvent(AegisSettings settings, LinearDelivery delivery) {
    handle(settings, "Linear event " + delivery.describe(), log -> eventSource(settings, log).find(delivery, log));
  }

  private void handle(AegisSettings settings, String what, Function<MaskingLog, List<WorkItem>> find) {
    MaskingLog log = MaskingLog.toLogger(LOGGER);
    try (ACLContext system = ACL.as2(ACL.SYSTEM2)) {
      PluginClassLoader.call(
          () ->
              starter.findAndStart(
                  () -> find.apply(log), what, settings.workerJob(), new JenkinsWorkerLauncher(), Instant.now(), log));
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "Aegis could not handle the " + what, e);
    }
  }

  private static CoreEventSource eventSource(AegisSettings settings, MaskingLog log) {
    return new CoreEventSource(new CoreEntry(), context(settings, log), scratchDirectory());
  }

  private static ControllerContext context(AegisSettings settings, MaskingLog log) {
    ControllerContext context = ControllerContext.of(settings, new ControllerSecrets());
    context.secrets().forEach(log::mask);
    return context;
  }

  private static Path scratchDirectory() {
    try {
      return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "aegis-controller"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the controller's scratch directory: " + e.getMessage(), e);
    }
  }

  private static Thread eventThread(Runnable body) {
    Thread thread = new Thread(body, "Aegis webhook events");
    thread.setDaemon(true);
    thread.setContextClassLoader(AegisScan.class.getClassLoader());
    return thread;
  }
}
