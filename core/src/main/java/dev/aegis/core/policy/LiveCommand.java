package dev.aegis.core.policy;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command started by {@link CommandSandbox#start} that is still running: its pipes, and a {@link #close()}
 * that leaves nothing behind. In a PID namespace, killing the sandbox's first process ends every process in
 * the namespace; every descendant seen from here is killed too, for machines without one.
 */
public final class LiveCommand implements AutoCloseable {
  private final Process process;
  private final Runnable cleanup;
  private boolean closed;

  LiveCommand(Process process, Runnable cleanup) {
    this.process = process;
    this.cleanup = cleanup;
  }

  /** What the command reads. */
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  /** What the command writes to its standard output. */
  public InputStream stdout() {
    return process.getInputStream();
  }

  /** What the command writes to its standard error. */
  public InputStream stderr() {
    return process.getErrorStream();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The process ids of the command and every descendant alive now (for tests and the run log). */
  public List<Long> pids() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
        .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
  }

  /** The exit status, or -1 while it runs. */
  public int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Kills the command and all it started (SIGKILL), waits for them, and removes the sandbox's files. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle child : tree) {
        child.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // a child that outlives SIGKILL is beyond what Aegis can do; the namespace (where there is one) is gone
    } finally {
      cleanup.run();
    }
  }
}
