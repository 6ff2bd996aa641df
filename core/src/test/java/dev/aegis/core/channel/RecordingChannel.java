package dev.aegis.core.channel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An in-process channel for fan-out and flow tests: records what it is sent, and can be made to refuse or to
 * hang (until interrupted). Real channels are tested against their real or contract-checked peers.
 */
public final class RecordingChannel implements Channel {
  private final String name;
  private final Set<RunEvent.Kind> kinds;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private volatile ChannelException refusal;
  private volatile boolean hang;
  private final CountDownLatch interrupted = new CountDownLatch(1);

  public RecordingChannel(String name, Set<RunEvent.Kind> kinds) {
    this.name = name;
    this.kinds = Set.copyOf(kinds);
  }

  public static RecordingChannel everything(String name) {
    return new RecordingChannel(name, Set.of(RunEvent.Kind.values()));
  }

  /** Every later send is refused with this. */
  public RecordingChannel refusing(ChannelException e) {
    this.refusal = e;
    return this;
  }

  /** Every later send blocks until it is interrupted. */
  public RecordingChannel hanging() {
    this.hang = true;
    return this;
  }

  public List<RunEvent> events() {
    return List.copyOf(events);
  }

  public List<RunEvent.Kind> kinds() {
    return events.stream().map(RunEvent::kind).toList();
  }

  /** True once a hanging send was interrupted (the fan-out gave up on it). */
  public boolean wasInterrupted() {
    return interrupted.getCount() == 0;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean wants(RunEvent.Kind kind) {
    return kinds.contains(kind);
  }

  @Override
  public void send(RunEvent event) throws ChannelException, InterruptedException {
    events.add(event);
    if (hang) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    }
    if (refusal != null) {
      throw refusal;
    }
  }
}
