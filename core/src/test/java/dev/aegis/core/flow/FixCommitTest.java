package dev.aegis.core.flow;

import static dev.aegis.core.flow.FakeEngines.calcPlan;
import static dev.aegis.core.flow.FakeEngines.planning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.FixReport;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.agent.Stop;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.tracker.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix commit is Aegis's: built from the fix's own files, and refused when it would carry what it must not. */
class FixCommitTest {
  static final String FIXED = "#!/bin/sh\n# add A B: prints the sum of A and B\nadd() {\n  echo $(( $1 + $2 ))\n}\n";

  @TempDir Path tmp;
  private FlowWorld world;
  private String run;

  @BeforeEach
  void planned() {
    world = FlowWorld.create(tmp);
    world.engines.then(planning(calcPlan(Risk.LOW)));
    world.claimAndPlan();
    run = world.state().runId();
  }

  /** An agent run that fixes calc.sh (its own file), then lets {@code more} do whatever else a command did. */
  private static Engine fixingAnd(List<String> declared, ThrowingAction more) {
    return task -> {
      FakeEngines.write(task, "src/calc.sh", FIXED);
      try {
        more.run(task.workspace());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> files = new java.util.ArrayList<>(List.of("src/calc.sh"));
      files.addAll(declared);
      return FakeEngines.result(task, Stop.finished(), new FixReport("add() now adds.", files, "sh test.sh", null, "",
          files));
    };
  }

  interface ThrowingAction {
    void run(Path workspace) throws IOException;
  }

  @Test
  void filesCommandsLeaveBehindStayOutOfTheCommitAndThePullRequestListsTheFiles() {
    world.settings.put(ConfigKeys.TEST_COMMAND, "sh test.sh > tests.log 2>&1");
    world.engines.then(fixingAnd(List.of(), ws -> Files.writeString(ws.resolve("debug-output.txt"), "env dump\n")));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertThat(result.status()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    String body = world.code.pullRequestDrafts().get(0).body();
    String files = body.substring(body.indexOf("### Files"), body.indexOf("### Tests"));
    assertThat(files).contains("- `src/calc.sh`", "Not committed (created by commands, not part of the fix): "
        + "`debug-output.txt`").doesNotContain("tests.log");
  }

  @Test
  void aNewFileTheAgentNamesIsCommitted() {
    world.engines.then(fixingAnd(List.of("tests/test_add.sh"), ws -> {
      Files.createDirectories(ws.resolve("tests"));
      Files.writeString(ws.resolve("tests/test_add.sh"), "sh test.sh\n");
    }));

    world.comment("maya", "/aegis proceed " + run);

    assertThat(world.originDiff()).isEqualTo("src/calc.sh\ntests/test_add.sh");
  }

  @Test
  void aWorkflowAddedWhereTheCheckoutHadNoneIsRefusedAndNothingIsPushed() {
    world.engines.then(fixingAnd(List.of(".github/workflows/shell.yml"), ws -> {
      Files.createDirectories(ws.resolve(".github/workflows"));
      Files.writeString(ws.resolve(".github/workflows/shell.yml"), "on: push\njobs: {}\n");
    }));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertRefused(result, "`.github/workflows/shell.yml: a protected path`");
  }

  @Test
  void aSymlinkToACredentialFileOutsideTheWorkspaceIsRefused() {
    world.engines.then(fixingAnd(List.of("creds", "host"), ws -> {
      Files.createSymbolicLink(ws.resolve("creds"), Path.of(System.getProperty("user.home"), ".git-credentials"));
      Files.createSymbolicLink(ws.resolve("host"), Path.of("../../../../../../etc/hostname"));
    }));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertRefused(result, "`creds: a symlink to an absolute path", "`host: a symlink pointing outside the workspace`");
  }

  @Test
  void aSymlinkIntoTheRepositoryOrAProtectedDirectoryIsRefused() {
    world.engines.then(fixingAnd(List.of("git-dir", "aegis-config"), ws -> {
      Files.createSymbolicLink(ws.resolve("git-dir"), Path.of(".git"));
      Files.createSymbolicLink(ws.resolve("aegis-config"), Path.of(".aegis/config.yml"));
    }));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertRefused(result, "`git-dir: a symlink into a protected path`", "`aegis-config: a symlink into a protected path`");
  }

  @Test
  void whenExecutablesAreConfiguredANewExecutableElsewhereIsRefused() {
    world.settings.put(ConfigKeys.EXECUTABLES, "scripts/**");
    world.engines.then(fixingAnd(List.of("src/helper"), ws -> {
      Path helper = Files.writeString(ws.resolve("src/helper"), "#!/bin/sh\necho hi\n");
      helper.toFile().setExecutable(true);
    }));

    FlowResult result = world.comment("maya", "/aegis proceed " + run);

    assertRefused(result, "`src/helper: an executable outside the configured executables globs`");
  }

  private void assertRefused(FlowResult result, String... reasons) {
    assertThat(result.status()).isEqualTo(FlowResult.Status.BLOCKED);
    assertThat(world.state().phase()).isEqualTo(Phase.BLOCKED);
    assertThat(world.statusText()).contains("The fix changes paths Aegis never commits, so nothing was pushed")
        .contains(reasons);
    assertThat(world.originDiff()).isEmpty();
    assertThat(world.code.pullRequestDrafts()).isEmpty();
  }
}
