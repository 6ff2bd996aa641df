package dev.aegis.core.policy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The absolute paths the sandbox holds read-only for commands, from the policy's protected globs: a literal
 * {@code dir/**} is that directory, whether it exists or not (a command must not be able to create
 * {@code .github/workflows} in a checkout that has none); a literal path is itself when it exists; any other
 * glob is every listed file it matches (at most {@value #MAX_MATCHES}). The commit gate checks every changed
 * path against the same globs, whatever the mounts looked like.
 */
public final class ProtectedPaths {
  static final int MAX_MATCHES = 200;

  private ProtectedPaths() {}

  /**
   * @param files the workspace's files, relative (asked only when a glob has wildcards)
   */
  public static List<Path> of(Workspace workspace, Supplier<List<String>> files) {
    Path root = workspace.root();
    List<Path> out = new ArrayList<>();
    boolean wildcards = false;
    for (String glob : workspace.policy().allProtected()) {
      String literal = glob.endsWith("/**") ? glob.substring(0, glob.length() - 3) : glob;
      if (literal.isEmpty() || literal.matches(".*[*?\\[{].*")) {
        wildcards = true;
        continue;
      }
      Path path = root.resolve(literal).normalize();
      if (!path.startsWith(root) || path.equals(root) || Files.isSymbolicLink(path)) {
        continue;
      }
      if (glob.endsWith("/**") ? !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
          : Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        add(out, path);
      }
    }
    if (wildcards) {
      files.get().stream().map(Path::of).filter(workspace::isProtected).limit(MAX_MATCHES)
          .map(root::resolve).filter(p -> !Files.isSymbolicLink(p)).forEach(p -> add(out, p));
    }
    return List.copyOf(out);
  }

  private static void add(List<Path> out, Path path) {
    if (out.stream().noneMatch(path::startsWith)) {
      out.removeIf(p -> p.startsWith(path));
      out.add(path);
    }
  }
}
