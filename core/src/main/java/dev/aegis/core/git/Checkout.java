package dev.aegis.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CI job's checkout, as Aegis's own git sees it: make the run's branch from the base, read what the
 * agent changed, commit the fix, push it to {@code origin}. Every call goes through {@link Git}'s hardened
 * environment. The token is handed to a push or fetch alone, through a credential helper that reads a file
 * only this user can read, deleted right after; it is never in an environment variable, {@code .git/config},
 * a remote URL, a command line or a log.
 */
public final class Checkout {
  /** The identity fix commits are made with. */
  public static final Map<String, String> IDENTITY = Map.of(
      "GIT_AUTHOR_NAME", "Aegis", "GIT_AUTHOR_EMAIL", "aegis@users.noreply.github.com",
      "GIT_COMMITTER_NAME", "Aegis", "GIT_COMMITTER_EMAIL", "aegis@users.noreply.github.com");

  private final Git git;

  /** @param git Aegis's git, in the checkout's directory */
  public Checkout(Git git) {
    this.git = Objects.requireNonNull(git, "git");
  }

  public Path dir() {
    return git.dir();
  }

  /**
   * True when {@code dir} is itself the top of a git checkout ({@code .git} is there, a directory or a worktree's
   * file). A directory inside some other checkout is not: git would act on that outer repository.
   */
  public static boolean isCheckout(Path dir) {
    return Files.exists(dir.resolve(".git"));
  }

  /** True when the directory is inside a git working tree. */
  public boolean isRepository() {
    return git.query(List.of("rev-parse", "--is-inside-work-tree")).filter(s -> s.trim().equals("true")).isPresent();
  }

  /**
   * Fetches {@code branch} from origin into {@code refs/remotes/origin/<branch>}.
   *
   * @param token a GitHub token for an HTTPS origin, or null for local remotes
   * @throws GitException when the fetch fails (for example the branch does not exist)
   */
  public void fetch(String branch, String token) {
    withToken(token, auth -> git.run(concat(auth, List.of("fetch", "--quiet", "--no-tags", "origin",
        "+refs/heads/" + branch + ":refs/remotes/origin/" + branch)), Map.of(), null));
  }

  /** The commit {@code ref} names, or throws when it names none. */
  public String resolve(String ref) {
    return git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
  }

  /** Checks out {@code ref} detached, discarding local changes and untracked files (ignored files stay). */
  public void checkoutDetached(String ref) {
    git.run("checkout", "--quiet", "--force", "--detach", ref);
    git.run("clean", "--quiet", "--force", "-d");
  }

  /**
   * Creates (or resets) local branch {@code name} at {@code startPoint} and checks it out with a clean
   * working tree: changes to tracked files are discarded and untracked files removed (ignored ones, such as
   * build caches, are kept). A reused workspace (a Jenkins agent's, or a job re-run after a crash) may hold
   * a previous run's half-done edits.
   */
  public void checkoutFresh(String name, String startPoint) {
    git.run("checkout", "--quiet", "--force", "--no-track", "-B", name, startPoint);
    git.run("clean", "--quiet", "--force", "-d");
  }

  /** True when the working tree has changes, including untracked files git does not ignore. */
  public boolean dirty() {
    return !git.run("status", "--porcelain").isBlank();
  }

  /** The file's content at {@code ref}, empty when absent. */
  public Optional<String> show(String ref, String path) {
    return git.query(List.of("show", ref + ":" + path));
  }

  /** Tracked and untracked-but-not-ignored files, relative; empty when git cannot say. */
  public Optional<List<String>> listFiles() {
    return git.query(List.of("ls-files", "--cached", "--others", "--exclude-standard", "-z"))
        .map(out -> Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).distinct().toList());
  }

  /** Paths changed, added or removed since HEAD, not ignored (what a fix touched). */
  public List<String> changedFiles() {
    List<String> out = new ArrayList<>();
    git.query(List.of("status", "--porcelain", "-z", "--untracked-files=all", "--no-renames")).ifPresent(text -> {
      for (String entry : text.split("\0")) {
        if (entry.length() > 3) {
          out.add(entry.substring(3));
        }
      }
    });
    return out;
  }

  /** One line {@code git grep} found. */
  public record Hit(String path, int line, String text) {}

  /**
   * Searches the working tree as {@code git grep} does: tracked and untracked files, {@code .gitignore}
   * honoured, binary files skipped, every size; the regular expression is Perl-compatible ({@code -P}), which
   * reads Java's syntax the same way for everything but Java's own extensions.
   *
   * @param path a path or directory prefix to search under, or empty for everything
   * @param hit gets each match in path order until it answers false
   * @return true when git searched (matches or not); false when it could not (git without PCRE, a pattern
   *     PCRE rejects, not a repository), and the caller should search some other way
   */
  public boolean grep(String regex, String path, java.util.function.Predicate<Hit> hit) {
    List<String> args = new ArrayList<>(List.of("grep", "-n", "-I", "--untracked", "-z", "--no-color", "-P", "-e", regex));
    if (!path.isEmpty()) {
      args.add("--");
      args.add(path);
    }
    java.util.OptionalInt exit = git.eachLine(args, line -> {
      int a = line.indexOf('\0');
      int b = a < 0 ? -1 : line.indexOf('\0', a + 1);
      if (b < 0) {
        return true;
      }
      try {
        return hit.test(new Hit(line.substring(0, a), Integer.parseInt(line.substring(a + 1, b)), line.substring(b + 1)));
      } catch (NumberFormatException e) {
        return true;
      }
    });
    // 0: matches, 1: none; stopped early (empty) means the caller had enough
    return exit.isEmpty() || exit.getAsInt() == 0 || exit.getAsInt() == 1;
  }

  /** {@code git diff HEAD}, optionally for one path; empty when git fails. */
  public Optional<String> diffAgainstHead(String path) {
    List<String> args = new ArrayList<>(List.of("diff", "--no-ext-diff", "--no-textconv", "HEAD"));
    if (path != null) {
      args.add("--");
      args.add(path);
    }
    return git.query(args);
  }

  /** {@code git status --short} with every untracked file; empty when git fails. */
  public Optional<String> shortStatus() {
    return git.query(List.of("status", "--short", "--untracked-files=all"));
  }

  /**
   * One path {@code git status} reports.
   *
   * @param path relative to the working tree
   * @param tracked false for a new file git does not know yet
   * @param deleted true when the change removes the path
   */
  public record Change(String path, boolean tracked, boolean deleted) {}

  /** What differs from HEAD, ignored files left out, renames as a deletion and an addition. */
  public List<Change> status() {
    List<Change> out = new ArrayList<>();
    String text = git.run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames",
        "--ignore-submodules=none");
    for (String entry : text.split("\0")) {
      if (entry.length() > 3) {
        String code = entry.substring(0, 2);
        out.add(new Change(entry.substring(3), !code.equals("??"), code.indexOf('D') >= 0));
      }
    }
    return out;
  }

  /** The paths of {@code paths} that {@code .gitignore} (or {@code .git/info/exclude}) ignores. */
  public List<String> ignored(List<String> paths) {
    if (paths.isEmpty()) {
      return List.of();
    }
    // ls-files, not check-ignore: check-ignore refuses the literal pathspecs every Aegis git call uses
    List<String> args = new ArrayList<>(List.of("ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--"));
    args.addAll(paths);
    return git.query(args).map(out -> Arrays.stream(out.split("\0")).filter(p -> !p.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Puts {@code paths} back as {@code HEAD} has them (changes and removals undone); untracked files are not touched. */
  public void restore(List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("checkout", "--quiet", "HEAD", "--"));
    args.addAll(paths);
    git.run(args, Map.of(), null);
  }

  /** Stages exactly {@code paths} (additions, changes and deletions), each taken literally, never as a glob. */
  public void stage(List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("add", "--all", "--"));
    args.addAll(paths);
    git.run(args, Map.of(), null);
  }

  /** Commits what is staged (never the rest of the working tree) with {@code message} as Aegis. */
  public String commitStaged(String message) {
    git.run(List.of("commit", "--quiet", "--no-verify", "--file=-"), IDENTITY, message);
    return resolve("HEAD");
  }

  /** The paths {@code commit} changes against its first parent. */
  public List<String> filesOf(String commit) {
    String out = git.run("diff", "--no-ext-diff", "--no-textconv", "--no-renames", "--name-only", "-z",
        commit + "^", commit);
    return Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Pushes local {@code branch} to origin as a fast-forward, never a force-push: git refuses the push when
   * the remote branch moved to anything the local one does not contain (so a concurrent change is never
   * overwritten).
   *
   * @param token a GitHub token for an HTTPS origin, or null for local remotes
   * @throws GitException when the push is refused
   */
  public void push(String branch, String token) {
    withToken(token, auth -> git.run(concat(auth, List.of("push", "--quiet", "--no-verify", "origin",
        "refs/heads/" + branch + ":refs/heads/" + branch)), Map.of(), null));
  }

  /**
   * Runs {@code call} with git options that make the token available to this one git process: a credential
   * helper (a shell function git runs when the server asks for credentials) that prints a file written just
   * before, readable by this user alone, and deleted right after.
   */
  private void withToken(String token, java.util.function.Consumer<List<String>> call) {
    if (token == null || token.isBlank()) {
      call.accept(List.of());
      return;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("aegis-credential-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path file = Files.createFile(dir.resolve("credential"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, "username=x-access-token\npassword=" + token.strip() + "\n", StandardCharsets.UTF_8);
      call.accept(List.of("-c", "credential.helper=", "-c",
          "credential.helper=!f() { test \"$1\" = get && cat '" + file + "'; }; f"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand the token to git", e);
    } finally {
      if (dir != null) {
        dir.resolve("credential").toFile().delete();
        dir.toFile().delete();
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
