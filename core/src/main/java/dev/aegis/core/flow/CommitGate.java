package dev.aegis.core.flow;

import dev.aegis.core.git.Checkout;
import dev.aegis.core.policy.Workspace;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The last gate before Aegis commits a fix: the commit is Aegis's, built from an explicit list of paths, and
 * what is on that list is checked here, whatever the sandbox's mounts looked like while the agent worked.
 * <ul>
 *   <li>Committed: what the agent changed, and nothing else: every file it wrote with its file tools or named
 *       in {@code finish} (a change, an addition or a removal). What commands did besides (a test log, build
 *       output, a tracked file a test run rewrote) is left out and listed as such; a tracked file a command
 *       changed is restored before the project's tests run, so the tests see the tree that is committed.
 *       Files {@code .gitignore} ignores are never committed, even when the agent names them.</li>
 *   <li>Refused, ending the run blocked: a path under a protected glob (even when the directory did not
 *       exist before the run), a symlink that points outside the workspace or into {@code .git}, a
 *       submodule or nested repository, and, when {@code executables} is configured, an executable file
 *       outside those globs.</li>
 * </ul>
 */
final class CommitGate {
  /**
   * What the fix commit may hold.
   *
   * @param commit the paths to stage and commit
   * @param leftOut new files commands created that are not part of the fix
   * @param restored tracked files commands changed or removed that are not part of the fix: put back as
   *     committed before the project's tests run
   * @param ignored paths the agent named that {@code .gitignore} ignores: never committed
   * @param refused {@code path: reason} for each path Aegis will not commit
   */
  record Selection(List<String> commit, List<String> leftOut, List<String> restored, List<String> ignored,
      List<String> refused) {
    Selection {
      commit = List.copyOf(commit);
      leftOut = List.copyOf(leftOut);
      restored = List.copyOf(restored);
      ignored = List.copyOf(ignored);
      refused = List.copyOf(refused);
    }
  }

  private final Workspace workspace;
  private final List<PathMatcher> executables;

  /**
   * @param workspace the policy's view of the workspace (its protected globs)
   * @param executables globs where new executables are allowed; empty means no check
   */
  CommitGate(Workspace workspace, List<String> executables) {
    this.workspace = workspace;
    this.executables = executables.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  /** Chooses and checks the paths of the fix from the checkout's status. */
  Selection select(Checkout checkout, Collection<String> filesOfTheFix) {
    Set<String> ofTheFix = new java.util.LinkedHashSet<>(filesOfTheFix);
    List<String> commit = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    List<String> restored = new ArrayList<>();
    for (Checkout.Change change : checkout.status()) {
      if (ofTheFix.remove(change.path())) {
        commit.add(change.path());
      } else if (change.tracked()) {
        restored.add(change.path());
      } else {
        leftOut.add(change.path());
      }
    }
    // what is named but not reported: unchanged, absent, or ignored; only the ignored ones are worth saying
    List<String> ignored = checkout.ignored(List.copyOf(ofTheFix));
    return new Selection(commit, leftOut, restored, ignored, refusals(commit));
  }

  /** {@code path: reason} for every path of {@code paths} that may not be committed. */
  List<String> refusals(Collection<String> paths) {
    List<String> out = new ArrayList<>();
    for (String path : paths) {
      String reason = reason(path);
      if (reason != null) {
        out.add(path + ": " + reason);
      }
    }
    return out;
  }

  private String reason(String path) {
    Path relative = Path.of(path).normalize();
    if (relative.isAbsolute() || relative.startsWith("..")) {
      return "outside the workspace";
    }
    if (workspace.isProtected(relative) || underProtected(relative)) {
      return "a protected path";
    }
    Path file = workspace.root().resolve(relative);
    if (Files.isSymbolicLink(file)) {
      return symlinkReason(file);
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return "a submodule or nested repository";
    }
    if (!executables.isEmpty() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(file)
        && executables.stream().noneMatch(m -> m.matches(relative))) {
      return "an executable outside the configured executables globs";
    }
    return null;
  }

  /** A path inside a protected directory glob that the matcher misses (a deeper {@code a/b/**} match). */
  private boolean underProtected(Path relative) {
    for (Path p = relative.getParent(); p != null; p = p.getParent()) {
      if (workspace.isProtected(p)) {
        return true;
      }
    }
    return false;
  }

  private String symlinkReason(Path link) {
    try {
      Path target = Files.readSymbolicLink(link);
      if (target.isAbsolute()) {
        return "a symlink to an absolute path (" + target + ")";
      }
      Path resolved = link.getParent().resolve(target).normalize();
      Path root = workspace.root();
      if (!resolved.startsWith(root)) {
        return "a symlink pointing outside the workspace";
      }
      Path inside = root.relativize(resolved);
      if (inside.startsWith(".git") || workspace.isProtected(inside) || underProtected(inside)) {
        return "a symlink into a protected path";
      }
      return null;
    } catch (IOException e) {
      return "a symlink that cannot be read";
    }
  }
}
