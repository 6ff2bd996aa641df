package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aegis.cli.AegisJar;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine where the kernel refuses namespaces, as {@code ubuntu-latest}'s AppArmor refuses unprivileged
 * user namespaces: the jar runs inside a user namespace whose limits on new user, mount and PID namespaces
 * are 0, so every {@code unshare} Aegis tries fails for real ("No space left on device" here, "Operation not
 * permitted" on Ubuntu 24.04). Aegis must find no isolation, say so, and refuse the agent's commands unless
 * the maintainer accepted the risk.
 */
class NoIsolationIT {
  private static final String RESTRICT = "echo 0 > /proc/sys/user/max_mnt_namespaces"
      + " && echo 0 > /proc/sys/user/max_pid_namespaces && echo 0 > /proc/sys/user/max_user_namespaces"
      + " && exec \"$@\"";

  @TempDir Path tmp;
  Path workspace;

  @BeforeEach
  void project() throws Exception {
    assumeTrue(run(List.of("unshare", "--user", "--map-root-user", "true"), Map.of()).exit == 0,
        "this machine must allow one user namespace to take them away inside it");
    workspace = SampleProject.create(tmp.resolve("repo"));
  }

  private Path script(String expectation) throws Exception {
    return Files.writeString(tmp.resolve("script.json"), """
        {"steps": [
          {"toolCalls": [{"name": "run_command", "arguments": {"command": "echo ran-for-real"}}]},
          {"expectToolResultContains": "%s",
           "toolCalls": [{"name": "finish", "arguments": {"summary": "s", "root_cause": "r",
             "evidence": [{"file": "src/calc.sh", "line": 4, "note": "n"}], "fix_plan": "f", "test_plan": "t",
             "risk": "low"}}]}
        ]}
        """.formatted(expectation));
  }

  private Outcome aegisRun(Path script, String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "/bin/sh", "-c", RESTRICT,
        "restricted"));
    List<String> args = new ArrayList<>(List.of("run", "--workspace", workspace.toString(), "--prompt", "add is wrong",
        "--model", "scripted/" + script, "--records", tmp.resolve("records").toString()));
    args.addAll(List.of(extra));
    command.addAll(AegisJar.command(args.toArray(String[]::new)));
    return run(command, SampleProject.environment(Map.of()));
  }

  @Test
  void whereNamespacesAreRefusedCommandsAreRefusedAndTheRunSaysWhy() throws Exception {
    Outcome out = aegisRun(script("commands cannot run here"));

    assertThat(out.exit).as(out.output).isZero();
    assertThat(out.output).contains("command isolation: none").contains("namespaces are refused here")
        .contains("commands are refused");
    // the script's second step only answers when the tool result says so: the command never ran
  }

  @Test
  void aMaintainerWhoAcceptsTheRiskGetsCommandsRunUnisolatedAndToldSo() throws Exception {
    Outcome out = aegisRun(script("ran-for-real"), "--allow-unisolated");

    assertThat(out.exit).as(out.output).isZero();
    assertThat(out.output).contains("command isolation: none").contains("WITHOUT isolation");
  }

  private static Outcome run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!env.isEmpty()) {
      builder.environment().clear();
      builder.environment().putAll(env);
    }
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes());
    p.waitFor(120, TimeUnit.SECONDS);
    return new Outcome(p.exitValue(), output);
  }

  private record Outcome(int exit, String output) {}
}
