package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Aegis finds the programs it starts: never from a directory a command could write. */
class ProgramsTest {
  @TempDir Path temp;

  private static Path planted(Path dir, String name) throws Exception {
    Path file = Files.writeString(Files.createDirectories(dir).resolve(name), "#!/bin/sh\necho planted\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void aProgramPlantedEarlierOnTheSearchListIsIgnoredWhenItsDirectoryIsWritableByOthers() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")));
    Path localBin = temp.resolve(".local/bin");
    planted(localBin, "git");
    planted(localBin, "unshare");
    Programs programs = Programs.find(List.of(localBin, Path.of("/usr/bin")));
    assertThat(programs.git()).contains(Path.of("/usr/bin/git"));
    assertThat(programs.trusted()).doesNotContain(localBin);
  }

  @Test
  void aGroupWritableDirectoryIsNotTrusted() throws Exception {
    Path dir = Files.createDirectories(Path.of("target").toAbsolutePath().resolve("programs-test-" + System.nanoTime()));
    try {
      planted(dir, "git");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
      assertThat(Programs.trustedDirectory(dir)).isFalse();
    } finally {
      Files.deleteIfExists(dir.resolve("git"));
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void aDirectoryOwnedByAnotherUserIsNotTrusted() throws Exception {
    Path dir = Files.createDirectories(Path.of("target").toAbsolutePath().resolve("programs-owner-" + System.nanoTime()));
    try {
      assumeTrue(Programs.trustedDirectory(dir), "the build directory itself is root-owned (CI runs as root)");
      Files.setAttribute(dir, "unix:uid", 65534);
      assertThat(Programs.trustedDirectory(dir)).isFalse();
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void theStandardDirectoriesGiveAShellAndTheSandboxTools() {
    Programs programs = Programs.find();
    assertThat(programs.sh()).isAbsolute();
    assertThat(programs.searchPath()).doesNotContain(".local").startsWith("/");
  }

  @Test
  void withoutAnyTrustedShellAegisRefusesToStart() {
    assertThatThrownBy(() -> Programs.find(List.of(temp))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no trusted sh");
  }

  @Test
  void aMissingGitIsNamedWithTheDirectoriesSearched() {
    Programs programs = Programs.find(List.of(Path.of("/bin")));
    Programs withoutGit = new Programs(programs.sh(), java.util.Optional.empty(), programs.unshare(),
        programs.setpriv(), programs.chroot(), programs.mount(), programs.trusted());
    assertThatThrownBy(withoutGit::requireGit).hasMessageContaining("git is not installed in /bin");
  }
}
