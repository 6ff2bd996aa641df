package dev.aegis.core.channel;

import dev.aegis.core.policy.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Tells every configured channel about a run event, side by side, within one time budget. Never throws and
 * never takes longer than the budget (plus a little to cancel): a channel that is down, slow or refuses
 * becomes a {@link Delivery} that is not sent, and one line in the host log. Every event is redacted before
 * any channel sees it, and so is every failure message.
 */
public final class Channels {
  private final List<Channel> channels;
  private final Duration budget;
  private final Redactor redactor;
  private final Consumer<String> log;
  private final List<Delivery> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param channels the channels to tell
   * @param budget the most time one event may take on all channels together
   * @param redactor cleans every event and failure message
   * @param log where failures are reported (the host log); must not throw
   */
  public Channels(List<Channel> channels, Duration budget, Redactor redactor, Consumer<String> log) {
    this.channels = List.copyOf(channels);
    this.budget = Objects.requireNonNull(budget, "budget");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.log = Objects.requireNonNull(log, "log");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the channels' time budget must be positive, got " + budget);
    }
  }

  /** No channel at all: every event stays on the tracker only. */
  public static Channels none() {
    return new Channels(List.of(), Duration.ofSeconds(1), Redactor.none(), line -> { });
  }

  /** True when no channel is configured. */
  public boolean isEmpty() {
    return channels.isEmpty();
  }

  /** Every delivery that failed so far, for the run report; each was reported to the log once already. */
  public List<Delivery> failures() {
    return List.copyOf(failures);
  }

  /** True when some channel is told events of this kind. */
  public boolean wants(RunEvent.Kind kind) {
    return channels.stream().anyMatch(c -> c.wants(kind));
  }

  /** The configured channels' names, for the job log. */
  public List<String> names() {
    return channels.stream().map(Channel::name).toList();
  }

  /**
   * Sends {@code event} to every channel that wants its kind and waits for them, at most the budget.
   *
   * @return one delivery per channel told, in configuration order
   */
  public List<Delivery> announce(RunEvent event) {
    List<Channel> told = channels.stream().filter(c -> c.wants(event.kind())).toList();
    if (told.isEmpty()) {
      return List.of();
    }
    RunEvent clean = event.redacted(redactor::redact);
    ExecutorService pool = Executors.newFixedThreadPool(told.size(), r -> {
      Thread t = new Thread(r, "aegis-channel");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (Channel c : told) {
        sent.add(pool.submit(() -> {
          c.send(clean);
          return null;
        }));
      }
      long deadline = System.nanoTime() + budget.toNanos();
      List<Delivery> out = new ArrayList<>();
      for (int i = 0; i < told.size(); i++) {
        out.add(await(told.get(i), sent.get(i), deadline, clean));
      }
      return List.copyOf(out);
    } finally {
      pool.shutdownNow();
    }
  }

  private Delivery await(Channel channel, Future<?> sending, long deadline, RunEvent event) {
    String name = redactor.redact(channel.name());
    Delivery d;
    try {
      sending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return new Delivery(name, Delivery.Status.SENT, "");
    } catch (TimeoutException e) {
      sending.cancel(true);
      d = new Delivery(name, Delivery.Status.TIMED_OUT, "no answer within " + budget.toSeconds() + " s");
    } catch (ExecutionException e) {
      d = new Delivery(name, Delivery.Status.FAILED, redactor.redact(describe(e.getCause())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sending.cancel(true);
      d = new Delivery(name, Delivery.Status.FAILED, "interrupted");
    }
    failures.add(new Delivery(name, d.status(), event.kind().wire() + " of run " + event.runId() + ": " + d.detail()));
    try {
      log.accept("Channel " + name + " was not told " + event.kind().wire() + " of run " + event.runId() + ": "
          + d.detail() + " (the issue's status comment has it)");
    } catch (RuntimeException ignored) {
      // the log must not throw; if it does, the run goes on regardless
    }
    return d;
  }

  private static String describe(Throwable t) {
    if (t instanceof ChannelException c) {
      return c.getMessage();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
