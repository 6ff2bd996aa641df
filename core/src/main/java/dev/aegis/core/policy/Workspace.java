package dev.aegis.core.policy;

import dev.aegis.core.policy.PolicyException.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The one tree a run may reach. Turns the model's relative paths into real paths, refusing {@code ..},
 * absolute paths and symlinks that resolve outside, and refusing writes to protected paths (checked on the
 * path as written and on where it really points) or in a read-only run.
 */
public final class Workspace {
  private final Path root;
  private final Policy policy;
  private final List<PathMatcher> protectedMatchers;

  private Workspace(Path root, Policy policy) {
    this.root = root;
    this.policy = policy;
    this.protectedMatchers = policy.allProtected().stream()
        .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
  }

  /**
   * @param root an existing directory
   * @throws UncheckedIOException when {@code root} is not a readable directory
   */
  public static Workspace open(Path root, Policy policy) {
    try {
      return new Workspace(root.toRealPath(), policy);
    } catch (IOException e) {
      throw new UncheckedIOException("workspace " + root + " is not a readable directory", e);
    }
  }

  /** The workspace's real path. */
  public Path root() {
    return root;
  }

  public Policy policy() {
    return policy;
  }

  /**
   * Resolves {@code relative} for reading.
   *
   * @throws PolicyException when it leaves the workspace
   */
  public Path resolveForRead(String relative) {
    Path lexical = lexical(relative);
    Path real = realOf(lexical, relative);
    return real;
  }

  /**
   * Resolves {@code relative} for writing.
   *
   * @throws PolicyException when the run is read-only, the path leaves the workspace or is protected
   */
  public Path resolveForWrite(String relative) {
    if (policy.readOnly()) {
      throw new PolicyException(Rule.READ_ONLY_RUN, relative,
          "this run is read-only: files cannot be changed (investigate and report instead)");
    }
    Path lexical = lexical(relative);
    Path real = realOf(lexical, relative);
    if (isProtected(root.relativize(lexical)) || isProtected(root.relativize(real))) {
      throw new PolicyException(Rule.PROTECTED_PATH, relative, "'" + relative
          + "' is protected and read-only (protected: " + String.join(", ", policy.allProtected()) + ")");
    }
    return real;
  }

  /** True when {@code relative} (a workspace-relative path) matches a protected glob or is a protected dir. */
  public boolean isProtected(Path relative) {
    if (relative.toString().isEmpty()) {
      return false;
    }
    for (PathMatcher matcher : protectedMatchers) {
      if (matcher.matches(relative)) {
        return true;
      }
    }
    return policy.allProtected().stream().filter(g -> g.endsWith("/**"))
        .anyMatch(g -> relative.toString().equals(g.substring(0, g.length() - 3)));
  }

  /** {@code path} relative to the root, with forward slashes. */
  public String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private Path lexical(String relative) {
    if (relative == null || relative.isBlank()) {
      throw outside(relative, "an empty path");
    }
    Path given;
    try {
      given = Path.of(relative.trim());
    } catch (InvalidPathException e) {
      throw outside(relative, "not a valid path");
    }
    if (given.isAbsolute() || relative.startsWith("~")) {
      throw outside(relative, "an absolute path");
    }
    for (Path part : given) {
      if (part.toString().equals("..")) {
        throw outside(relative, "a path with '..'");
      }
    }
    Path resolved = root.resolve(given).normalize();
    if (!resolved.startsWith(root)) {
      throw outside(relative, "outside the workspace");
    }
    return resolved;
  }

  /** Follows symlinks: the nearest existing ancestor's real path plus the rest must stay inside. */
  private Path realOf(Path lexical, String relative) {
    Path existing = lexical;
    Path rest = Path.of("");
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      throw outside(relative, "outside the workspace");
    }
    Path real;
    try {
      real = existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      throw outside(relative, "a dangling symlink");
    }
    if (!real.startsWith(root)) {
      throw outside(relative, "a symlink that points outside the workspace");
    }
    return real;
  }

  private static PolicyException outside(String relative, String what) {
    return new PolicyException(Rule.OUTSIDE_WORKSPACE, relative, "'" + relative + "' is refused: " + what
        + "; only paths relative to the workspace root, without '..', are allowed");
  }
}
