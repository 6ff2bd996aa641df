package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real commands; the isolation cases need unshare and setpriv (util-linux), present on CI runners. */
class CommandSandboxTest {
  static final CommandSandbox SANDBOX = CommandSandbox.detect();
  static final String SECRET = "parent-secret-value-4242";
  static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp");

  @TempDir Path workspace;
  Process parent;

  @BeforeEach
  void startAProcessHoldingASecret() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sleep", "60");
    builder.environment().put("PARENT_API_KEY", SECRET);
    parent = builder.start();
  }

  @AfterEach
  void stopIt() throws Exception {
    parent.destroyForcibly();
    parent.waitFor(5, TimeUnit.SECONDS);
  }

  private CommandResult run(CommandSandbox sandbox, String command, List<Path> readOnly) {
    return sandbox.run(new CommandRequest(workspace, command, ENV, Duration.ofSeconds(20), readOnly));
  }

  @Test
  void isolationIsAvailableWhereUnshareAndSetprivAre() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/setpriv")));
    assertThat(SANDBOX.isolation()).isNotEqualTo(CommandSandbox.Isolation.NONE);
  }

  @Test
  void commandsCannotReadOtherProcessesEnvironmentThroughProc() {
    assumeTrue(SANDBOX.isolation() != CommandSandbox.Isolation.NONE);
    String readAll = "cat /proc/" + parent.pid() + "/environ; for f in /proc/*/environ; do cat $f; done; "
        + "umount /proc; cat /proc/" + parent.pid() + "/environ; for f in /proc/*/environ; do cat $f; done";
    CommandResult result = run(SANDBOX, readAll, List.of());
    assertThat(result.output()).doesNotContain(SECRET);
  }

  @Test
  void withoutIsolationTheSameCommandDoesSeeIt() {
    CommandResult result = run(CommandSandbox.unisolated(), "cat /proc/" + parent.pid() + "/environ", List.of());
    assertThat(result.output()).contains(SECRET);
  }

  @Test
  void protectedPathsAreReadOnlyForCommandsAndStayThat() throws Exception {
    assumeTrue(SANDBOX.isolation() != CommandSandbox.Isolation.NONE);
    Path workflows = Files.createDirectories(workspace.resolve(".github/workflows"));
    Files.writeString(workflows.resolve("ci.yml"), "on: push\n");
    CommandResult result = run(SANDBOX, "echo evil > .github/workflows/ci.yml; mount -o remount,rw "
        + workflows + "; umount " + workflows + "; echo evil > .github/workflows/ci.yml; echo ok > free.txt",
        List.of(workflows));
    assertThat(Files.readString(workflows.resolve("ci.yml"))).isEqualTo("on: push\n");
    assertThat(Files.readString(workspace.resolve("free.txt"))).isEqualTo("ok\n");
    assertThat(result.output()).contains("Read-only file system");
  }

  @Test
  void theEnvironmentIsExactlyTheOneGiven() {
    CommandResult result = run(SANDBOX, "env", List.of());
    assertThat(result.output()).contains("HOME=/tmp").doesNotContain(SECRET).doesNotContain("JAVA_HOME=");
  }

  @Test
  void aCommandPastItsTimeoutIsKilled() {
    long start = System.nanoTime();
    CommandResult result = SANDBOX.run(new CommandRequest(workspace, "sleep 30; echo late", ENV,
        Duration.ofMillis(500), List.of()));
    assertThat(result.timedOut()).isTrue();
    assertThat(result.output()).doesNotContain("late");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void exitCodeAndInterleavedOutputComeBack() {
    CommandResult result = run(SANDBOX, "echo out; echo err >&2; exit 3", List.of());
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).contains("out").contains("err");
  }
}
