package dev.aegis.testkit.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository on disk, driven through the {@code git} CLI, holding a fake repository's refs,
 * commits and trees. Ref updates use {@code git update-ref} with an expected old value, so they are atomic
 * compare-and-swap operations even when a test pushes to the same repository meanwhile.
 */
final class GitStore {
  static final String EMPTY_OLD_VALUE = "";

  private final Path gitDir;

  private GitStore(Path gitDir) {
    this.gitDir = gitDir;
  }

  /** Creates a bare repository at {@code dir} whose {@code defaultBranch} holds one commit with a README. */
  static GitStore create(Path dir, String defaultBranch, String readme, Instant when) {
    run(null, List.of("git", "init", "--quiet", "--bare", "--initial-branch=" + defaultBranch, dir.toString()), "");
    GitStore store = new GitStore(dir);
    String blob = store.git(readme, "hash-object", "-w", "--stdin").trim();
    String tree = store.git("100644 blob " + blob + "\tREADME.md\n", "mktree").trim();
    Signature aegis = new Signature("Fake GitHub", "fake@github.invalid", when);
    String commit = store.commitTree(tree, List.of(), "Initial commit", aegis, aegis);
    if (!store.createRef("refs/heads/" + defaultBranch, commit)) {
      throw new IllegalStateException("could not create " + defaultBranch + " in " + dir);
    }
    return store;
  }

  /** Uses an existing repository; {@code gitDir} is a bare repository or the {@code .git} directory of one. */
  static GitStore adopt(Path gitDir) {
    GitStore store = new GitStore(gitDir);
    store.git("", "rev-parse", "--git-dir");
    return store;
  }

  Path gitDir() {
    return gitDir;
  }

  /** The branch {@code HEAD} names, for example {@code main}. */
  String defaultBranch() {
    return git("", "symbolic-ref", "--short", "HEAD").trim();
  }

  /** The object a full ref name ({@code refs/heads/main}) points at. */
  Optional<String> resolve(String ref) {
    Result r = tryGit("", "rev-parse", "--verify", "--quiet", ref);
    return r.ok() ? Optional.of(r.out().trim()) : Optional.empty();
  }

  /** {@code commit}, {@code tree}, {@code blob} or {@code tag}; empty when the object does not exist. */
  Optional<String> typeOf(String sha) {
    if (!sha.matches("[0-9a-f]{40}")) {
      return Optional.empty();
    }
    Result r = tryGit("", "cat-file", "-t", sha);
    return r.ok() ? Optional.of(r.out().trim()) : Optional.empty();
  }

  /** A commit object, or empty when {@code sha} is not a commit. */
  Optional<CommitData> commit(String sha) {
    if (!typeOf(sha).filter("commit"::equals).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(CommitData.parse(sha, git("", "cat-file", "commit", sha)));
  }

  /** Writes a commit object (moving no ref) and returns its sha. */
  String commitTree(String tree, List<String> parents, String message, Signature author, Signature committer) {
    List<String> args = new ArrayList<>(List.of("git", "--git-dir=" + gitDir, "commit-tree", tree));
    for (String parent : parents) {
      args.add("-p");
      args.add(parent);
    }
    Map<String, String> env = Map.of(
        "GIT_AUTHOR_NAME", author.name(),
        "GIT_AUTHOR_EMAIL", author.email(),
        "GIT_AUTHOR_DATE", author.gitDate(),
        "GIT_COMMITTER_NAME", committer.name(),
        "GIT_COMMITTER_EMAIL", committer.email(),
        "GIT_COMMITTER_DATE", committer.gitDate());
    return run(env, args, message).trim();
  }

  /** Atomically creates {@code ref}; false when it already exists. */
  boolean createRef(String ref, String sha) {
    return tryGit("", "update-ref", ref, sha, EMPTY_OLD_VALUE).ok();
  }

  /** Atomically moves {@code ref} from {@code expectedOld} to {@code sha}; false when it was not there. */
  boolean compareAndSwap(String ref, String sha, String expectedOld) {
    return tryGit("", "update-ref", ref, sha, expectedOld).ok();
  }

  /** Deletes {@code ref} if it still points at {@code expectedOld}. */
  boolean deleteRef(String ref, String expectedOld) {
    return tryGit("", "update-ref", "-d", ref, expectedOld).ok();
  }

  /** Every ref whose full name starts with {@code prefix} (a plain string prefix), by name, in name order. */
  Map<String, String> refsStartingWith(String prefix) {
    Map<String, String> refs = new TreeMap<>();
    for (String line : git("", "for-each-ref", "--format=%(refname) %(objectname)").split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith(prefix)) {
        refs.put(line.substring(0, space), line.substring(space + 1).trim());
      }
    }
    return refs;
  }

  /** True when {@code ancestor} is {@code descendant} or one of its ancestors. */
  boolean isAncestor(String ancestor, String descendant) {
    return tryGit("", "merge-base", "--is-ancestor", ancestor, descendant).ok();
  }

  private String git(String stdin, String... args) {
    Result r = tryGit(stdin, args);
    if (!r.ok()) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + gitDir + ": " + r.err());
    }
    return r.out();
  }

  private Result tryGit(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
    command.addAll(List.of(args));
    return exec(null, command, stdin);
  }

  private static String run(Map<String, String> env, List<String> command, String stdin) {
    Result r = exec(env, command, stdin);
    if (!r.ok()) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + r.err());
    }
    return r.out();
  }

  private static Result exec(Map<String, String> env, List<String> command, String stdin) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
    environment.put("GIT_TERMINAL_PROMPT", "0");
    environment.put("LC_ALL", "C");
    if (env != null) {
      environment.putAll(env);
    }
    try {
      Process process = builder.start();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("git timed out: " + command);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run git (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running git", e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }
  }
}
