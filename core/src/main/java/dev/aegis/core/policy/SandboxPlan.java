package dev.aegis.core.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The steps {@code sandbox.sh} follows to build one command's view of the filesystem, in order:
 * <ol>
 *   <li>a new empty root; every top-level directory of the host read-only in it (sub-mounts too), its
 *       symlinks as they are, a private {@code /tmp}, {@code /dev} with a private {@code /dev/shm}, a fresh
 *       {@code /proc}, and {@code /run} empty but for the resolver's files (no Docker socket);</li>
 *   <li>the host's hidden directories replaced by empty ones and its hidden files by {@code /dev/null};</li>
 *   <li>the maintainer's read and write exposures, the space's own {@code HOME}, and the workspace writable;</li>
 *   <li>{@code .git} read-only (its {@code config} replaced by a copy without credentials, if it holds any),
 *       and every protected path read-only, created empty if missing, with the directories above it pinned
 *       as mount points so they cannot be renamed away ({@code mv .github x} answers "busy").</li>
 * </ol>
 * Pure: the host's layout comes in as {@link Entry} values.
 */
final class SandboxPlan {
  /** A top-level entry of the host's {@code /}. */
  record Entry(String name, Optional<String> linkTarget, boolean directory) {}

  private static final List<Path> RESOLVER = List.of(Path.of("/run/systemd/resolve"), Path.of("/run/resolvconf"));

  private final List<String> steps = new ArrayList<>();

  private SandboxPlan() {}

  /** The plan's lines ({@code STEP\tPATH[\tSOURCE]}). */
  static List<String> of(CommandRequest request, List<Entry> root, Optional<Path> gitConfigCopy) {
    SandboxPlan plan = new SandboxPlan();
    plan.build(request, root, gitConfigCopy);
    return List.copyOf(plan.steps);
  }

  /** The host's {@code /}, read now. */
  static List<Entry> hostRoot() {
    try (Stream<Path> children = Files.list(Path.of("/"))) {
      return children.sorted().map(p -> new Entry(p.getFileName().toString(), linkTarget(p),
          Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /", e);
    }
  }

  private static Optional<String> linkTarget(Path p) {
    try {
      return Files.isSymbolicLink(p) ? Optional.of(Files.readSymbolicLink(p).toString()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void build(CommandRequest request, List<Entry> root, Optional<Path> gitConfigCopy) {
    CommandSpace space = request.space();
    step("root", space.root());
    for (Entry e : root) {
      Path path = Path.of("/", e.name());
      if (e.linkTarget().isPresent()) {
        step("link", path, e.linkTarget().get());
      } else if (e.directory()) {
        switch (e.name()) {
          case "proc", "dev", "lost+found" -> { }
          case "tmp" -> step("rw", path, space.tmp());
          case "run" -> step("hide", path);
          default -> step("ro", path);
        }
      }
    }
    step("dev");
    step("proc");
    RESOLVER.stream().filter(Files::isDirectory).forEach(p -> step("ro", p));
    HostPaths host = space.host();
    host.hidden().stream().filter(Files::isDirectory).filter(p -> !p.equals(Path.of("/tmp"))).forEach(p -> step("hide", p));
    host.hiddenFiles().forEach(p -> step("hide-file", p));
    host.readable().stream().filter(Files::exists).forEach(p -> step("ro", p));
    host.writable().stream().filter(Files::exists).forEach(p -> step("rw", p, p));
    step("rw", space.home(), space.home());
    Path ws = request.directory();
    step("rw", ws, ws);
    Path git = ws.resolve(".git");
    if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
      step("ro", git);
      gitConfigCopy.ifPresent(copy -> step("ro-file", git.resolve("config"), copy));
    }
    protect(ws, request.protectedPaths().stream().filter(p -> !p.startsWith(git)).toList());
    step("run", ws);
  }

  /** Pins the directories above each protected path, then makes the path read-only (outermost first). */
  private void protect(Path ws, List<Path> paths) {
    List<Path> outermost = paths.stream().map(Path::normalize).filter(p -> p.startsWith(ws) && !p.equals(ws))
        .distinct().sorted(Comparator.comparingInt(Path::getNameCount)).toList();
    List<Path> kept = new ArrayList<>();
    for (Path p : outermost) {
      if (kept.stream().noneMatch(p::startsWith)) {
        kept.add(p);
      }
    }
    List<Path> pinned = new ArrayList<>();
    for (Path p : kept) {
      for (Path up = p.getParent(); up != null && !up.equals(ws) && up.startsWith(ws); up = up.getParent()) {
        if (!pinned.contains(up) && kept.stream().noneMatch(up::startsWith)) {
          pinned.add(up);
        }
      }
    }
    pinned.stream().sorted(Comparator.comparingInt(Path::getNameCount)).forEach(p -> step("pin", p));
    for (Path p : kept) {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        step("ro-file", p, p);
      } else if (!Files.isSymbolicLink(p)) {
        step("protect", p);
      }
    }
  }

  private void step(String name, Object... args) {
    StringBuilder line = new StringBuilder(name);
    for (Object arg : args) {
      String value = arg.toString();
      if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("the sandbox cannot hold a path with a tab or newline: " + value.strip());
      }
      line.append('\t').append(value);
    }
    steps.add(line.toString());
  }
}
