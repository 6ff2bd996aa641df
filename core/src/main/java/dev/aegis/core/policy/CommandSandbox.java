package dev.aegis.core.policy;

import dev.aegis.core.policy.PolicyException.Rule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs commands (the agent's {@code run_command}s and the project's tests). Where the machine allows, each
 * command gets fresh mount and PID namespaces and a view of the filesystem built for it
 * ({@link SandboxPlan}): the host read-only, Aegis's {@code HOME} and the runner's own files hidden, a
 * private {@code HOME} and {@code /tmp}, a fresh {@code /proc} (so it cannot read Aegis's environment
 * through {@code /proc/<pid>/environ}), only the workspace writable and its protected paths not, every
 * capability dropped and no new privileges (so it can undo none of it, and {@code sudo} does not work).
 * Every program involved is started by its absolute, trusted path ({@link Programs}).
 *
 * <p>Which isolation works is found once, by {@link #detect}. Where none does ({@link Isolation#NONE}),
 * commands are refused unless the maintainer accepted the risk ({@code sandbox.allow-unisolated}).
 */
public final class CommandSandbox {
  private static final String SCRIPT = script();
  private static final long MAX_READ = 4L << 20;

  /** How commands are isolated. */
  public enum Isolation {
    NAMESPACES("namespaces (as root): own filesystem view (host read-only, HOME and runner files hidden),"
        + " own /proc, no capabilities",
        List.of("--mount", "--pid", "--fork", "--kill-child")),
    USER_NAMESPACES("user namespaces: own filesystem view (host read-only, HOME and runner files hidden),"
        + " own /proc, no capabilities",
        List.of("--user", "--map-root-user", "--mount", "--pid", "--fork", "--kill-child")),
    NONE("none: this machine cannot isolate commands, so they could read this process's environment through"
        + " /proc and write outside the workspace", List.of());

    private final String description;
    private final List<String> unshareOptions;

    Isolation(String description, List<String> unshareOptions) {
      this.description = description;
      this.unshareOptions = unshareOptions;
    }

    /** One line for the run log and every run report. */
    public String description() {
      return description;
    }
  }

  private final Programs programs;
  private final Isolation isolation;
  private final String whyNone;
  private final AtomicLong sequence = new AtomicLong();

  private CommandSandbox(Programs programs, Isolation isolation, String whyNone) {
    this.programs = programs;
    this.isolation = isolation;
    this.whyNone = whyNone;
  }

  /**
   * Tries the isolations strongest first, with a real command in a real view, and keeps the first that works.
   *
   * @param programs the trusted programs (resolved at start-up)
   */
  public static CommandSandbox detect(Programs programs) {
    if (!programs.canIsolate()) {
      return new CommandSandbox(programs, Isolation.NONE, "unshare, setpriv, chroot and mount (util-linux,"
          + " coreutils) are not all installed in " + programs.searchPath());
    }
    String last = "";
    for (Isolation candidate : List.of(Isolation.NAMESPACES, Isolation.USER_NAMESPACES)) {
      CommandSandbox sandbox = new CommandSandbox(programs, candidate, "");
      Optional<String> failure = sandbox.probe();
      if (failure.isEmpty()) {
        return sandbox;
      }
      last = failure.get();
    }
    return new CommandSandbox(programs, Isolation.NONE, "namespaces are refused here (" + last + ")");
  }

  /** A sandbox that does not isolate (for machines where namespaces are known to be missing). */
  public static CommandSandbox unisolated(Programs programs) {
    return new CommandSandbox(programs, Isolation.NONE, "isolation was switched off");
  }

  public Isolation isolation() {
    return isolation;
  }

  public Programs programs() {
    return programs;
  }

  /** Why there is no isolation (empty when there is). */
  public String whyNone() {
    return whyNone;
  }

  /** The isolation line for reports: the description, and for {@link Isolation#NONE} the reason. */
  public String describe() {
    return isolation == Isolation.NONE ? isolation.description() + " (" + whyNone + ")" : isolation.description();
  }

  private Optional<String> probe() {
    try {
      Path dir = Files.createTempDirectory("aegis-probe");
      try (CommandSpace space = CommandSpace.open(HostPaths.none())) {
        CommandResult probe = run(new CommandRequest(dir, "test $$ = 1 && ! touch /usr/.aegis-probe 2>/dev/null"
            + " && echo aegis-probe-ok", Map.of("PATH", programs.searchPath()), Duration.ofSeconds(20), List.of(),
            space, false));
        return probe.exitCode() == 0 && probe.output().contains("aegis-probe-ok") ? Optional.empty()
            : Optional.of(firstLine(probe.output()));
      } finally {
        Files.deleteIfExists(dir);
      }
    } catch (IOException | UncheckedIOException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Runs {@code request} to completion or its timeout.
   *
   * @throws PolicyException ({@link Rule#NO_ISOLATION}) on a machine without isolation, unless the request
   *     allows it
   * @throws UncheckedIOException when the command cannot be started
   */
  public CommandResult run(CommandRequest request) {
    refuseUnisolated(request);
    List<Path> created = missing(request.protectedPaths(), request.directory());
    Path plan = null;
    Path out = request.space().scratch().resolve("out-" + sequence.incrementAndGet());
    try {
      Map<String, String> env = environment(request);
      plan = isolation == Isolation.NONE ? null : writePlan(request);
      return execute(argv(request, plan), env, request, out);
    } finally {
      deleteQuietly(plan);
      deleteQuietly(out);
      removeEmpty(created);
    }
  }

  /**
   * Starts {@code request}'s command in the same isolation as {@link #run}, with its standard input, output and
   * error piped to the caller, for a long-lived program that talks over them (an ACP agent). The request's
   * timeout is the caller's to enforce; {@link LiveCommand#close()} kills the command and everything it started.
   *
   * @throws PolicyException ({@link Rule#NO_ISOLATION}) as {@link #run} does
   * @throws UncheckedIOException when the command cannot be started
   */
  public LiveCommand start(CommandRequest request) {
    refuseUnisolated(request);
    List<Path> created = missing(request.protectedPaths(), request.directory());
    Path plan = isolation == Isolation.NONE ? null : writePlan(request);
    List<String> argv = argv(request, plan);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(request.directory().toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(request));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      deleteQuietly(plan);
      removeEmpty(created);
      throw new UncheckedIOException("cannot start " + argv.get(0) + " in " + request.directory(), e);
    }
    Path planFile = plan;
    return new LiveCommand(process, () -> {
      deleteQuietly(planFile);
      removeEmpty(created);
    });
  }

  private void refuseUnisolated(CommandRequest request) {
    if (isolation == Isolation.NONE && !request.unisolatedAllowed()) {
      throw new PolicyException(Rule.NO_ISOLATION, "", "commands cannot run here: Aegis cannot isolate them on"
          + " this machine (" + whyNone + "). A maintainer can accept the risk with sandbox.allow-unisolated: true");
    }
  }

  private Map<String, String> environment(CommandRequest request) {
    Map<String, String> env = new HashMap<>(request.environment());
    env.put("HOME", request.space().home().toString());
    if (isolation == Isolation.NONE) {
      env.put("TMPDIR", request.space().tmp().toString());
    }
    return env;
  }

  private List<String> argv(CommandRequest request, Path plan) {
    List<String> argv = new ArrayList<>();
    if (isolation == Isolation.NONE) {
      argv.addAll(List.of(programs.sh().toString(), "-c", request.command()));
    } else {
      argv.add(programs.unshare().orElseThrow().toString());
      argv.addAll(isolation.unshareOptions);
      argv.addAll(List.of(programs.sh().toString(), "-c", SCRIPT, "aegis-sandbox", plan.toString(),
          programs.searchPath(), programs.chroot().orElseThrow().toString(),
          programs.setpriv().orElseThrow().toString(), request.command()));
    }
    return argv;
  }

  private Path writePlan(CommandRequest request) {
    Path ws = request.directory();
    Optional<Path> gitConfig = GitConfigCopy.withoutCredentials(ws.resolve(".git/config"),
        request.space().scratch().resolve("git-config-" + sequence.incrementAndGet()));
    List<String> steps = SandboxPlan.of(request, SandboxPlan.hostRoot(), gitConfig);
    try {
      return Files.write(request.space().scratch().resolve("plan-" + sequence.incrementAndGet()),
          (String.join("\n", steps) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox plan", e);
    }
  }

  private static CommandResult execute(List<String> argv, Map<String, String> env, CommandRequest request, Path out) {
    try {
      ProcessBuilder builder = new ProcessBuilder(argv).directory(request.directory().toFile())
          .redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(env);
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
      throw new UncheckedIOException("cannot start " + argv.get(0) + " in " + request.directory(), e);
    }
  }

  /** Protected paths (and the directories above them) the sandbox will create, deepest first. */
  private static List<Path> missing(List<Path> protectedPaths, Path ws) {
    List<Path> out = new ArrayList<>();
    for (Path p : protectedPaths) {
      for (Path at = p.normalize(); at != null && at.startsWith(ws) && !at.equals(ws); at = at.getParent()) {
        if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS) && !out.contains(at)) {
          out.add(at);
        }
      }
    }
    out.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return out;
  }

  /** Removes the directories the sandbox created for protected paths, while they are still empty. */
  private static void removeEmpty(List<Path> created) {
    for (Path dir : created) {
      try {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
              Files.delete(dir);
            }
          }
        }
      } catch (IOException e) {
        // an empty directory left behind is harmless: git does not track it
      }
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

  private static String firstLine(String output) {
    String trimmed = output.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl);
  }

  private static String script() {
    try (InputStream in = CommandSandbox.class.getResourceAsStream("sandbox.sh")) {
      if (in == null) {
        throw new IllegalStateException("sandbox.sh is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a scratch file left behind is deleted with the space
      }
    }
  }
}
