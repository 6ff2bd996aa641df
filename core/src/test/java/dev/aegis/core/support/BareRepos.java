package dev.aegis.core.support;

import dev.aegis.core.git.Git;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Real bare git repositories for tests. */
public final class BareRepos {
  private BareRepos() {}

  /** Aegis's git, in {@code dir}. */
  public static Git git(Path dir) {
    return new Git(Sandboxes.PROGRAMS, dir);
  }

  /** Creates a bare repository at {@code dir} whose {@code main} has one commit with a README. */
  public static Path withInitialCommit(Path dir) {
    git(dir.getParent()).run("init", "-q", "--bare", "--initial-branch=main", dir.toString());
    Git git = git(dir);
    String blob = git.run(List.of("hash-object", "-w", "--stdin"), Map.of(), "# demo\n");
    String tree = git.run(List.of("mktree"), Map.of(), "100644 blob " + blob + "\tREADME.md\n");
    String commit = git.run(List.of("commit-tree", tree, "-m", "initial"), Map.of(
        "GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
        "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com"), null);
    git.run("update-ref", "refs/heads/main", commit);
    return dir;
  }
}
