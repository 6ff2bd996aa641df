package dev.aegis.core.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The programs Aegis itself starts ({@code sh}, {@code git}, and the sandbox's {@code unshare},
 * {@code setpriv}, {@code chroot}), each resolved to an absolute path once, when Aegis starts and before any
 * agent command runs, from directories the agent cannot write: owned by root and writable by nobody else, as
 * is every directory above them and the program itself. {@code PATH} is never searched: on a hosted runner
 * {@code ~/.local/bin} comes first on it and every step can write there, so a command could plant an
 * {@code unshare} or {@code git} that Aegis would then run outside the sandbox with its own environment.
 *
 * @param sh the shell commands run in; always present
 * @param git git, when installed in a trusted directory
 * @param unshare util-linux's unshare (namespaces), when installed
 * @param setpriv util-linux's setpriv (drops capabilities), when installed
 * @param chroot coreutils' chroot (enters the sandbox's view of the filesystem), when installed
 * @param mount util-linux's mount, which the sandbox set-up runs by name from {@link #searchPath()}
 * @param trusted the trusted directories searched, in order
 */
public record Programs(
    Path sh, Optional<Path> git, Optional<Path> unshare, Optional<Path> setpriv, Optional<Path> chroot,
    Optional<Path> mount, List<Path> trusted) {

  /** Where Aegis looks, in order. */
  public static final List<Path> STANDARD_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
      Path.of("/sbin"), Path.of("/bin"), Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));

  public Programs {
    Objects.requireNonNull(sh, "sh");
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(unshare, "unshare");
    Objects.requireNonNull(setpriv, "setpriv");
    Objects.requireNonNull(chroot, "chroot");
    Objects.requireNonNull(mount, "mount");
    trusted = List.copyOf(trusted);
  }

  /**
   * Resolves every program from {@link #STANDARD_DIRECTORIES}.
   *
   * @throws IllegalStateException when no trusted {@code sh} exists
   */
  public static Programs find() {
    return find(STANDARD_DIRECTORIES);
  }

  /**
   * Resolves every program from those of {@code directories} that are trusted.
   *
   * @throws IllegalStateException when no trusted {@code sh} exists
   */
  public static Programs find(List<Path> directories) {
    List<Path> trusted = new ArrayList<>();
    for (Path dir : directories) {
      if (trustedDirectory(dir) && trusted.stream().noneMatch(t -> sameFile(t, dir))) {
        trusted.add(dir);
      }
    }
    Path sh = lookup(trusted, "sh").orElseThrow(() -> new IllegalStateException(
        "no trusted sh in " + names(directories) + " (Aegis starts programs only from root-owned directories"
            + " no one else can write)"));
    return new Programs(sh, lookup(trusted, "git"), lookup(trusted, "unshare"), lookup(trusted, "setpriv"),
        lookup(trusted, "chroot"), lookup(trusted, "mount"), trusted);
  }

  /**
   * The trusted git.
   *
   * @throws IllegalStateException naming the directories searched, when git is not in any of them
   */
  public Path requireGit() {
    return git.orElseThrow(() -> new IllegalStateException("git is not installed in " + names(trusted)
        + " (Aegis runs git only from root-owned directories that no one else can write; install git there)"));
  }

  /** The trusted directories as a {@code PATH} value. */
  public String searchPath() {
    return names(trusted).replace(", ", ":");
  }

  /** True when everything the namespace sandbox needs is installed. */
  public boolean canIsolate() {
    return unshare.isPresent() && setpriv.isPresent() && chroot.isPresent() && mount.isPresent();
  }

  private static Optional<Path> lookup(List<Path> dirs, String name) {
    for (Path dir : dirs) {
      Path candidate = dir.resolve(name);
      if (Files.isExecutable(candidate) && trustedFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Root-owned, writable by no one else, and the same for every directory above it (after symlinks). */
  static boolean trustedDirectory(Path dir) {
    try {
      Path real = dir.toRealPath();
      for (Path p = real; p != null; p = p.getParent()) {
        if (!rootOnly(p)) {
          return false;
        }
      }
      return Files.isDirectory(real);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean trustedFile(Path file) {
    try {
      Path real = file.toRealPath();
      return rootOnly(real) && trustedDirectory(real.getParent());
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean rootOnly(Path p) throws IOException {
    PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Object uid = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    return Integer.valueOf(0).equals(uid) && !attrs.permissions().contains(PosixFilePermission.GROUP_WRITE)
        && !attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static String names(List<Path> dirs) {
    return dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
