package dev.aegis.core.policy;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code run_command}s. When the machine allows, each command runs in new PID and mount namespaces
 * with a fresh {@code /proc} (so it cannot read Aegis's environment through {@code /proc/<pid>/environ}),
 * with protected paths bind-mounted read-only and every capability dropped (so it cannot undo either).
 * Which isolation works is detected once, by {@link #detect()}; {@link Isolation#NONE} is said plainly.
 */
public final class CommandSandbox {
  private static final String WRAPPER = "cmd=$1; shift; for p in \"$@\"; do mount --bind \"$p\" \"$p\" "
      + "&& mount -o remount,bind,ro \"$p\" || { echo \"aegis: cannot protect $p\" >&2; exit 97; }; done; "
      + "exec setpriv --bounding-set=-all --inh-caps=-all --ambient-caps=-all --no-new-privs -- /bin/sh -c \"$cmd\"";
  private static final long MAX_READ = 4L << 20;

  /** How commands are isolated. */
  public enum Isolation {
    PID_NAMESPACE("pid+mount namespaces (root): fresh /proc, capabilities dropped, protected paths read-only",
        List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc")),
    USER_NAMESPACE("user+pid+mount namespaces: fresh /proc, capabilities dropped, protected paths read-only",
        List.of("unshare", "--user", "--map-root-user", "--pid", "--fork", "--kill-child", "--mount-proc")),
    NONE("NONE: unshare/setpriv unavailable here, so commands can read this process's environment through "
        + "/proc and can write protected paths; only the scrubbed environment protects secrets", List.of());

    private final String description;
    private final List<String> prefix;

    Isolation(String description, List<String> prefix) {
      this.description = description;
      this.prefix = prefix;
    }

    /** One line for the run log. */
    public String description() {
      return description;
    }
  }

  private final Isolation isolation;

  private CommandSandbox(Isolation isolation) {
    this.isolation = isolation;
  }

  /** Tries the isolations strongest first and keeps the first that works on this machine. */
  public static CommandSandbox detect() {
    for (Isolation candidate : List.of(Isolation.PID_NAMESPACE, Isolation.USER_NAMESPACE)) {
      CommandSandbox sandbox = new CommandSandbox(candidate);
      try {
        Path dir = Files.createTempDirectory("aegis-probe");
        CommandResult probe = sandbox.run(new CommandRequest(dir, "test $$ = 1 && ! umount /proc 2>/dev/null",
            Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), Duration.ofSeconds(10),
            List.of()));
        Files.deleteIfExists(dir);
        if (probe.exitCode() == 0) {
          return sandbox;
        }
      } catch (IOException | UncheckedIOException e) {
        // try the next one
      }
    }
    return new CommandSandbox(Isolation.NONE);
  }

  /** A sandbox that does not isolate (for machines where namespaces are known to be missing). */
  public static CommandSandbox unisolated() {
    return new CommandSandbox(Isolation.NONE);
  }

  public Isolation isolation() {
    return isolation;
  }

  /**
   * Runs {@code request} to completion or its timeout.
   *
   * @throws UncheckedIOException when the shell cannot be started
   */
  public CommandResult run(CommandRequest request) {
    List<String> argv = new ArrayList<>(isolation.prefix);
    if (isolation == Isolation.NONE) {
      argv.addAll(List.of("/bin/sh", "-c", request.command()));
    } else {
      argv.addAll(List.of("/bin/sh", "-c", WRAPPER, "aegis-sandbox", request.command()));
      request.readOnlyPaths().forEach(p -> argv.add(p.toString()));
    }
    Path out = null;
    try {
      out = Files.createTempFile("aegis-cmd", ".out");
      ProcessBuilder builder = new ProcessBuilder(argv).directory(request.directory().toFile())
          .redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(request.environment());
      long start = System.nanoTime();
      Process process = builder.start();
      boolean finished = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new CommandResult(finished ? process.exitValue() : -1, !finished, read(out), elapsed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while running a command", e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start /bin/sh in " + request.directory(), e);
    } finally {
      deleteQuietly(out);
    }
  }

  private static String read(Path file) throws IOException {
    long size = Files.size(file);
    if (size <= MAX_READ) {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] head = new byte[(int) (MAX_READ / 2)];
      byte[] tail = new byte[(int) (MAX_READ / 2)];
      raf.readFully(head);
      raf.seek(size - tail.length);
      raf.readFully(tail);
      return new String(head, StandardCharsets.UTF_8) + "\n[... " + (size - MAX_READ) + " bytes not read ...]\n"
          + new String(tail, StandardCharsets.UTF_8);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
