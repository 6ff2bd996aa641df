package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aegis.core.support.Sandboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs real commands in the real sandbox. The isolation cases need util-linux's unshare and setpriv and
 * namespaces the kernel allows, as on CI; the host is laid out as a hosted runner's is: a HOME holding
 * credentials, a RUNNER_TEMP with the runner's file commands, a workspace with a checkout's .git.
 */
class CommandSandboxTest {
  static final CommandSandbox SANDBOX = Sandboxes.DETECTED;
  static final String SECRET = "parent-secret-value-4242";

  /** Outside /tmp, which the sandbox replaces anyway: what must be hidden has to be visible otherwise. */
  Path temp;
  Path workspace;
  Path home;
  Path runnerTemp;
  Path githubEnv;
  CommandSpace space;
  Map<String, String> env;
  Process parent;

  @BeforeEach
  void aRunnerLikeHost() throws Exception {
    temp = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "sandbox-test-");
    workspace = Files.createDirectories(temp.resolve("home/runner/work/repo/repo"));
    Files.createDirectories(workspace.resolve(".git"));
    Files.writeString(workspace.resolve(".git/config"), "[core]\n\tbare = false\n[http \"https://github.com/\"]\n"
        + "\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==\n");
    home = Files.createDirectories(temp.resolve("home/runner"));
    Files.writeString(home.resolve(".git-credentials"), "https://x:ghp_home_credential@github.com\n");
    runnerTemp = Files.createDirectories(temp.resolve("home/runner/work/_temp"));
    githubEnv = Files.writeString(Files.createDirectories(runnerTemp.resolve("_runner_file_commands"))
        .resolve("set_env_1"), "");
    space = CommandSpace.open(temp, HostPaths.of(Map.of("HOME", home.toString(), "RUNNER_TEMP", runnerTemp.toString(),
        "GITHUB_ENV", githubEnv.toString()), List.of(), List.of()));
    env = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8");
    ProcessBuilder builder = new ProcessBuilder("sleep", "60");
    builder.environment().put("PARENT_API_KEY", SECRET);
    parent = builder.start();
  }

  @AfterEach
  void stopIt() throws Exception {
    parent.destroyForcibly();
    parent.waitFor(5, TimeUnit.SECONDS);
    space.close();
    deleteTree(temp);
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private CommandResult run(String command) {
    return run(SANDBOX, command, List.of());
  }

  private CommandResult run(CommandSandbox sandbox, String command, List<Path> protectedPaths) {
    return sandbox.run(new CommandRequest(workspace, command, env, Duration.ofSeconds(20), protectedPaths, space, true));
  }

  private static void isolated() {
    assumeTrue(SANDBOX.isolation() != CommandSandbox.Isolation.NONE, "needs namespaces");
  }

  @Test
  void isolationIsAvailableWhereUtilLinuxIs() {
    assumeTrue(Sandboxes.PROGRAMS.canIsolate());
    assertThat(SANDBOX.isolation()).isNotEqualTo(CommandSandbox.Isolation.NONE);
    assertThat(SANDBOX.describe()).contains("own filesystem view");
  }

  @Test
  void commandsCannotReadOtherProcessesEnvironmentThroughProc() {
    isolated();
    String readAll = "cat /proc/" + parent.pid() + "/environ; for f in /proc/*/environ; do cat $f; done; "
        + "umount /proc; cat /proc/" + parent.pid() + "/environ; for f in /proc/*/environ; do cat $f; done";
    assertThat(run(readAll).output()).doesNotContain(SECRET);
  }

  @Test
  void withoutIsolationCommandsAreRefusedUnlessTheMaintainerAcceptedTheRisk() {
    CommandSandbox none = Sandboxes.unisolated();
    assertThatThrownBy(() -> none.run(new CommandRequest(workspace, "true", env, Duration.ofSeconds(5), List.of(),
        space, false))).isInstanceOf(PolicyException.class)
        .satisfies(e -> assertThat(((PolicyException) e).rule()).isEqualTo(PolicyException.Rule.NO_ISOLATION))
        .hasMessageContaining("sandbox.allow-unisolated");
    assertThat(run(none, "cat /proc/" + parent.pid() + "/environ", List.of()).output()).contains(SECRET);
  }

  @Test
  void protectedPathsAreReadOnlyForCommandsAndStayThat() throws Exception {
    isolated();
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
  void aProtectedDirectoryThatDoesNotExistCannotBeCreatedAndLeavesNothingBehind() {
    isolated();
    Path workflows = workspace.resolve(".github/workflows");
    Path aegis = workspace.resolve(".aegis");
    CommandResult result = run(SANDBOX, "mkdir -p .github/workflows && echo 'on: push' > .github/workflows/shell.yml;"
        + " mkdir -p .aegis && echo 'mode: auto' > .aegis/config.yml; ls -A .github/workflows .aegis",
        List.of(workflows, aegis));
    assertThat(result.output()).contains("Read-only file system");
    assertThat(workspace.resolve(".github")).doesNotExist();
    assertThat(aegis).doesNotExist();
  }

  @Test
  void movingTheParentOfAProtectedDirectoryAwayIsRefused() throws Exception {
    isolated();
    Path workflows = Files.createDirectories(workspace.resolve(".github/workflows"));
    Files.writeString(workflows.resolve("ci.yml"), "on: push\n");
    CommandResult result = run(SANDBOX, "mv .github .github-moved; mkdir -p .github/workflows;"
        + " echo evil > .github/workflows/evil.yml; echo evil > .github/workflows/ci.yml", List.of(workflows));
    assertThat(result.output()).contains("busy");
    assertThat(workspace.resolve(".github-moved")).doesNotExist();
    assertThat(workflows.resolve("evil.yml")).doesNotExist();
    assertThat(Files.readString(workflows.resolve("ci.yml"))).isEqualTo("on: push\n");
  }

  @Test
  void theRepositoryItselfIsReadOnlyAndItsConfigShowsNoCredential() throws Exception {
    isolated();
    CommandResult result = run("cat .git/config; echo '[filter \"x\"]' >> .git/config");
    assertThat(result.output()).contains("bare = false").doesNotContain("extraheader").doesNotContain("eC1hY2Nl")
        .contains("Read-only file system");
    assertThat(Files.readString(workspace.resolve(".git/config"))).doesNotContain("filter").contains("extraheader");
  }

  @Test
  void theHostIsReadOnlyOutsideTheWorkspace() throws Exception {
    isolated();
    Path outside = Files.createDirectories(temp.resolve("elsewhere"));
    CommandResult result = run("touch /usr/bin/aegis-planted; echo x > " + outside + "/planted; echo x > /etc/planted;"
        + " echo done");
    assertThat(result.output()).contains("done");
    assertThat(Path.of("/usr/bin/aegis-planted")).doesNotExist();
    assertThat(Path.of("/etc/planted")).doesNotExist();
    assertThat(outside.resolve("planted")).doesNotExist();
  }

  @Test
  void commandsGetAHomeOfTheirOwnAndNeverSeeAegissHome() throws Exception {
    isolated();
    CommandResult result = run("echo \"home=$HOME\"; cat " + home + "/.git-credentials; ls -A " + home
        + "; mkdir -p $HOME/.local/bin && echo planted > $HOME/.local/bin/git && echo '[filter]' > $HOME/.gitconfig;"
        + " echo wrote");
    assertThat(result.output()).contains("home=" + space.home()).contains("wrote").doesNotContain("ghp_home_credential");
    assertThat(home.resolve(".local")).doesNotExist();
    assertThat(home.resolve(".gitconfig")).doesNotExist();
    assertThat(Files.readString(space.home().resolve(".gitconfig"))).isEqualTo("[filter]\n");
  }

  @Test
  void theRunnersFileCommandsAreOutOfReach() throws Exception {
    isolated();
    run("echo NODE_OPTIONS=--require=/tmp/evil.js >> " + githubEnv + "; ls -A " + runnerTemp + "; echo x > "
        + runnerTemp + "/step.sh");
    assertThat(Files.readString(githubEnv)).isEmpty();
    assertThat(runnerTemp.resolve("step.sh")).doesNotExist();
  }

  @Test
  void neitherTheDockerSocketNorOtherRuntimeFilesAreVisible() {
    isolated();
    assertThat(run("ls -A /run /var/run 2>&1; echo end").output().strip()).doesNotContain("docker.sock")
        .doesNotContain("user");
  }

  @Test
  void aCommandsTemporaryFilesAreItsOwn() throws Exception {
    isolated();
    Path marker = Files.createTempFile("aegis-host-tmp", ".txt");
    try {
      CommandResult result = run("ls /tmp; echo private > /tmp/left-behind; echo done");
      assertThat(result.output()).contains("done").doesNotContain(marker.getFileName().toString());
      assertThat(Path.of("/tmp/left-behind")).doesNotExist();
    } finally {
      Files.deleteIfExists(marker);
    }
  }

  @Test
  void theEnvironmentIsExactlyTheOneGivenWithTheSpacesHome() {
    CommandResult result = run("env");
    assertThat(result.output()).contains("HOME=" + space.home()).contains("LANG=C.UTF-8").doesNotContain(SECRET)
        .doesNotContain("JAVA_HOME=");
  }

  @Test
  void privilegesCannotBeRegainedWithSudoOrSetuidPrograms() {
    isolated();
    CommandResult result = run("grep -E 'CapEff|NoNewPrivs' /proc/self/status");
    assertThat(result.output()).contains("CapEff:\t0000000000000000").containsPattern("NoNewPrivs:\\s+1");
  }

  @Test
  void aCommandPastItsTimeoutIsKilledWithEverythingItStarted() {
    long start = System.nanoTime();
    CommandResult result = SANDBOX.run(new CommandRequest(workspace, "(sleep 30; echo late > late.txt) & sleep 30",
        env, Duration.ofMillis(500), List.of(), space, true));
    assertThat(result.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void exitCodeAndInterleavedOutputComeBack() {
    CommandResult result = run("echo out; echo err >&2; exit 3");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).contains("out").contains("err");
  }
}
