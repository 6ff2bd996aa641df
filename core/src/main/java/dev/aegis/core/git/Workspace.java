package dev.aegis.core.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The git operations a run performs on the CI job's checkout: make the run's branch from the base, commit
 * the fix, and push it to {@code origin}. The token is handed to the push alone, through git's
 * {@code GIT_CONFIG_*} environment (an {@code http.extraheader}); it is never written to {@code .git/config},
 * a remote URL, a credential file or a log.
 */
public final class Workspace {
  /** The identity fix commits are made with. */
  public static final Map<String, String> IDENTITY = Map.of(
      "GIT_AUTHOR_NAME", "Aegis", "GIT_AUTHOR_EMAIL", "aegis@users.noreply.github.com",
      "GIT_COMMITTER_NAME", "Aegis", "GIT_COMMITTER_EMAIL", "aegis@users.noreply.github.com");

  private final Git git;

  /**
   * @param dir the checkout
   * @param environment environment for git, without secrets (see {@link Git#baseEnvironment(Map)})
   */
  public Workspace(Path dir, Map<String, String> environment) {
    this.git = new Git(dir, environment);
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

  /**
   * Fetches {@code branch} from origin into {@code refs/remotes/origin/<branch>}.
   *
   * @param token a GitHub token for an HTTPS origin, or null for local remotes
   * @throws GitException when the fetch fails (for example the branch does not exist)
   */
  public void fetch(String branch, String token) {
    git.run(List.of("fetch", "--quiet", "--no-tags", "origin",
        "+refs/heads/" + branch + ":refs/remotes/origin/" + branch), auth(token), null);
  }

  /** The commit {@code ref} names, or throws when it names none. */
  public String resolve(String ref) {
    return git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
  }

  /**
   * Creates (or resets) local branch {@code name} at {@code startPoint} and checks it out with a clean
   * working tree: changes to tracked files are discarded and untracked files removed (ignored ones, such as
   * build caches, are kept). A reused workspace (a Jenkins agent's, or a job re-run after a crash) may hold
   * a previous run's half-done edits, and everything in the tree ends up in the fix commit.
   */
  /** Checks out {@code ref} detached, discarding local changes and untracked files (ignored files stay). */
  public void checkoutDetached(String ref) {
    git.run("checkout", "--quiet", "--force", "--detach", ref);
    git.run("clean", "--quiet", "--force", "-d");
  }

  public void checkoutFresh(String name, String startPoint) {
    git.run("checkout", "--quiet", "--force", "-B", name, startPoint);
    git.run("clean", "--quiet", "--force", "-d");
  }

  /** True when the working tree has changes, including untracked files git does not ignore. */
  public boolean dirty() {
    return !git.run("status", "--porcelain").isBlank();
  }

  /** Files changed between {@code base} and the working tree, including new files. */
  public List<String> changedFiles(String base) {
    git.run("add", "--all", "--intent-to-add");
    String out = git.run("diff", "--no-ext-diff", "--no-textconv", "--name-only", base);
    return out.isBlank() ? List.of() : Arrays.asList(out.split("\n"));
  }

  /** The diff between {@code base} and the working tree, new files included. */
  public String diff(String base) {
    git.run("add", "--all", "--intent-to-add");
    return git.run("diff", "--no-ext-diff", "--no-textconv", "--stat", "--patch", base);
  }

  /** Commits everything with {@code message} as Aegis; returns the new commit. */
  public String commitAll(String message) {
    git.run("add", "--all");
    git.run(List.of("commit", "--quiet", "--no-verify", "--file=-"), IDENTITY, message);
    return resolve("HEAD");
  }

  /**
   * Pushes local {@code branch} to origin, replacing the remote branch only if it still points at
   * {@code expectedRemote} (so a concurrent change is never overwritten).
   *
   * @param token a GitHub token for an HTTPS origin, or null for local remotes
   * @throws GitException when the push is refused
   */
  public void push(String branch, String expectedRemote, String token) {
    git.run(List.of("push", "--quiet", "--force-with-lease=refs/heads/" + branch + ":" + Objects.requireNonNull(expectedRemote),
        "origin", "refs/heads/" + branch + ":refs/heads/" + branch), auth(token), null);
  }

  /** Git's per-process configuration carrying the token as an HTTP header; nothing is written to disk. */
  private static Map<String, String> auth(String token) {
    return token == null || token.isBlank() ? Map.of() : Map.of(
        "GIT_CONFIG_COUNT", "1",
        "GIT_CONFIG_KEY_0", "http.extraheader",
        "GIT_CONFIG_VALUE_0", "AUTHORIZATION: basic " + Base64.getEncoder()
            .encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8)));
  }
}
