package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.policy.PolicyException.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path temp;
  Path root;
  Path outside;

  @BeforeEach
  void layout() throws Exception {
    root = Files.createDirectories(temp.resolve("ws"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "top secret");
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/a.txt"), "a");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/config"), "[core]");
  }

  private Workspace workspace(Policy policy) {
    return Workspace.open(root, policy);
  }

  @Test
  void relativePathsInsideResolve() throws Exception {
    assertThat(workspace(Policy.defaults()).resolveForRead("src/a.txt")).isEqualTo(root.toRealPath().resolve("src/a.txt"));
    assertThat(workspace(Policy.defaults()).resolveForWrite("src/new/b.txt"))
        .isEqualTo(root.toRealPath().resolve("src/new/b.txt"));
  }

  @Test
  void dotDotIsRefusedEvenWhenItStaysInside() {
    assertThatThrownBy(() -> workspace(Policy.defaults()).resolveForRead("../outside/secret.txt"))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.rule()).isEqualTo(Rule.OUTSIDE_WORKSPACE));
    assertThatThrownBy(() -> workspace(Policy.defaults()).resolveForRead("src/../src/a.txt"))
        .isInstanceOf(PolicyException.class);
  }

  @Test
  void absolutePathsAreRefused() {
    assertThatThrownBy(() -> workspace(Policy.defaults()).resolveForRead(outside.resolve("secret.txt").toString()))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.rule()).isEqualTo(Rule.OUTSIDE_WORKSPACE));
    assertThatThrownBy(() -> workspace(Policy.defaults()).resolveForRead("~/.ssh/id_rsa"))
        .isInstanceOf(PolicyException.class);
  }

  @Test
  void symlinkPointingOutsideIsRefusedForReadAndWrite() throws Exception {
    Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("linkdir"), outside);
    Workspace ws = workspace(Policy.defaults());
    assertThatThrownBy(() -> ws.resolveForRead("link.txt")).hasMessageContaining("symlink");
    assertThatThrownBy(() -> ws.resolveForWrite("linkdir/new.txt")).hasMessageContaining("symlink");
  }

  @Test
  void protectedPathsAreReadableButNotWritable() {
    Workspace ws = workspace(Policy.defaults());
    assertThat(ws.resolveForRead(".git/config")).exists();
    for (String path : List.of(".git/config", ".github/workflows/ci.yml", ".aegis/config.yml", ".git")) {
      assertThatThrownBy(() -> ws.resolveForWrite(path)).as(path)
          .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.rule()).isEqualTo(Rule.PROTECTED_PATH));
    }
  }

  @Test
  void symlinkInsideThatPointsAtAProtectedFileIsNotWritable() throws Exception {
    Files.createSymbolicLink(root.resolve("innocent.txt"), root.resolve(".git/config"));
    assertThatThrownBy(() -> workspace(Policy.defaults()).resolveForWrite("innocent.txt"))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.rule()).isEqualTo(Rule.PROTECTED_PATH));
  }

  @Test
  void configuredGlobsAreProtectedToo() {
    Workspace ws = workspace(Policy.defaults().withProtectedPaths(List.of("**/*.env", "secrets/**")));
    assertThatThrownBy(() -> ws.resolveForWrite("deploy/prod.env")).isInstanceOf(PolicyException.class);
    assertThatThrownBy(() -> ws.resolveForWrite("secrets/key.pem")).isInstanceOf(PolicyException.class);
    assertThat(ws.resolveForWrite("src/a.txt")).isNotNull();
  }

  @Test
  void readOnlyRunRefusesEveryWrite() {
    assertThatThrownBy(() -> workspace(Policy.defaults().withReadOnly(true)).resolveForWrite("src/a.txt"))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.rule()).isEqualTo(Rule.READ_ONLY_RUN));
  }
}
