package dev.aegis.core.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * A run's place for its commands outside the workspace: a {@code HOME} of their own (never the one Aegis
 * uses, where credentials live), a temporary directory, and the scratch the sandbox builds its view in, all
 * in one directory only this user can enter; plus what of the host the commands must not see. Opened per
 * run and deleted when closed, so nothing a command leaves there reaches the next run.
 */
public final class CommandSpace implements AutoCloseable {
  private final Path dir;
  private final HostPaths host;

  private CommandSpace(Path dir, HostPaths host) {
    this.dir = dir;
    this.host = host;
  }

  /**
   * Creates the space under the system temporary directory.
   *
   * @throws UncheckedIOException when it cannot be created
   */
  public static CommandSpace open(HostPaths host) {
    return open(Path.of(System.getProperty("java.io.tmpdir")), host);
  }

  /**
   * Creates the space under {@code parent}.
   *
   * @throws UncheckedIOException when it cannot be created
   */
  public static CommandSpace open(Path parent, HostPaths host) {
    Objects.requireNonNull(host, "host");
    try {
      Path dir = Files.createTempDirectory(parent, "aegis-space-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      for (String sub : new String[] {"home", "tmp", "root", "scratch"}) {
        Files.createDirectory(dir.resolve(sub));
      }
      return new CommandSpace(dir.toRealPath(), host);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the run's commands under " + parent, e);
    }
  }

  /** The commands' {@code HOME}. */
  public Path home() {
    return dir.resolve("home");
  }

  /** The commands' temporary directory ({@code /tmp} inside the sandbox). */
  public Path tmp() {
    return dir.resolve("tmp");
  }

  /** Where the sandbox mounts the command's new root (empty outside the namespaces). */
  Path root() {
    return dir.resolve("root");
  }

  /** Plans, outputs and sanitized copies; never visible to commands. */
  Path scratch() {
    return dir.resolve("scratch");
  }

  public HostPaths host() {
    return host;
  }

  /** Deletes everything in the space (symlinks a command left are removed, never followed). */
  @Override
  public void close() {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          d.toFile().setWritable(true, true);
          d.toFile().setExecutable(true, true);
          d.toFile().setReadable(true, true);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // a leftover in the temporary directory is not worth failing a run for
    }
  }
}
