package dev.aegis.core.agent;

import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.PolicyException.Rule;
import dev.aegis.core.policy.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns the absolute paths an ACP agent sends into the workspace-relative ones {@link Workspace} checks. A path
 * with {@code ..} is refused as written (before any normalising), as is an absolute path outside the workspace.
 */
final class AcpPaths {
  private final Path root;
  private final Path given;

  /** @param given the workspace as the task named it (it may differ from its real path by a symlink) */
  AcpPaths(Workspace workspace, Path given) {
    this.root = workspace.root();
    this.given = given.toAbsolutePath().normalize();
  }

  /**
   * @throws PolicyException when the path has {@code ..} or leaves the workspace
   */
  String relative(String path) {
    if (path == null || path.isBlank()) {
      throw refused(String.valueOf(path), "an empty path");
    }
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      throw refused(path, "not a valid path");
    }
    for (Path part : p) {
      if (part.toString().equals("..")) {
        throw refused(path, "a path with '..'");
      }
    }
    if (!p.isAbsolute()) {
      return path;
    }
    Path normal = p.normalize();
    for (Path base : new Path[] {root, given}) {
      if (normal.equals(base)) {
        return ".";
      }
      if (normal.startsWith(base)) {
        return base.relativize(normal).toString();
      }
    }
    throw refused(path, "outside the workspace");
  }

  private static PolicyException refused(String path, String what) {
    return new PolicyException(Rule.OUTSIDE_WORKSPACE, path, "'" + path + "' is refused: " + what
        + "; only paths inside the workspace are allowed");
  }
}
