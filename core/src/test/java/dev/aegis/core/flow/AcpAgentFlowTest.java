package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.support.Sandboxes;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.acp.ScriptedAcpAgents;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent: acp:...} in the configuration runs the same plan-first loop as the built-in engine: an external
 * agent process (the scripted ACP agent) plans, the RCA is posted, a writer approves, the agent fixes, Aegis runs
 * the tests and opens the pull request.
 */
class AcpAgentFlowTest {
  @TempDir Path tmp;

  static final String PLAN = """
      {"turns": [[
        {"do": "read", "path": "src/calc.sh"},
        {"do": "say", "text": "```aegis-report\\n{\\"summary\\": \\"add 2 3 prints -1: add() subtracts.\\", \\"root_cause\\": \\"add() in src/calc.sh computes $1 - $2 instead of $1 + $2.\\", \\"evidence\\": [{\\"file\\": \\"src/calc.sh\\", \\"line\\": 4, \\"note\\": \\"the subtraction\\"}], \\"fix_plan\\": \\"Replace - with +.\\", \\"test_plan\\": \\"sh test.sh\\", \\"risk\\": \\"low\\"}\\n```"}
      ]]}
      """;
  static final String FIX = """
      {"turns": [[
        {"do": "write", "path": "src/calc.sh", "content": "#!/bin/sh\\n# add A B: prints the sum of A and B\\nadd() {\\n  echo $(( $1 + $2 ))\\n}\\n"},
        {"do": "say", "text": "```aegis-report\\n{\\"summary\\": \\"add adds now.\\", \\"test_command\\": \\"sh test.sh\\"}\\n```"}
      ]]}
      """;

  @Test
  void anExternalAgentRunsThePlanFirstLoopFromRcaToPullRequest() {
    FlowWorld world = FlowWorld.create(tmp.resolve("world"));
    world.engineProvider = new ModelEngineProvider(Clock.systemUTC(), Sandboxes.PROGRAMS, () -> Sandboxes.DETECTED);
    List<String> readable = new ArrayList<>(ScriptedAcpAgents.readPaths());
    readable.add(tmp.resolve("plan-agent").toString());
    readable.add(tmp.resolve("fix-agent").toString());
    world.settings.put(ConfigKeys.SANDBOX_READ_PATHS, String.join(",", readable));
    world.settings.put(ConfigKeys.AGENT, ScriptedAcpAgents.agentValue(tmp.resolve("plan-agent"), PLAN));

    FlowResult planned = world.claimAndPlan();
    String run = world.state().runId();
    assertThat(planned.status()).as(world.progress.toString()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(world.statusText()).contains("add() in src/calc.sh computes $1 - $2", "src/calc.sh:4");

    world.settings.put(ConfigKeys.AGENT, ScriptedAcpAgents.agentValue(tmp.resolve("fix-agent"), FIX));
    FlowResult done = world.comment("maya", "/aegis proceed " + run);

    assertThat(done.status()).as(world.progress.toString()).isEqualTo(FlowResult.Status.PR_OPENED);
    assertThat(world.originDiff()).isEqualTo("src/calc.sh");
    assertThat(world.code.pullRequestDrafts()).singleElement().satisfies(pr -> assertThat(pr.body())
        .contains("add() in src/calc.sh computes $1 - $2", "PASS add"));
    assertThat(world.state().phase()).isEqualTo(Phase.PR_OPENED);
    assertThat(world.progress).anySatisfy(line -> assertThat(line).contains("over ACP"));
  }
}
