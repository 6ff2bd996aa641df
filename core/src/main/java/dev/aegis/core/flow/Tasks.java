package dev.aegis.core.flow;

import dev.aegis.core.agent.Budget;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.policy.CommandEnvironment;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.SandboxSettings;
import dev.aegis.core.policy.Secrets;
import dev.aegis.core.run.Templates;
import dev.aegis.core.tracker.Issue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the engine tasks of a run from configuration: policy, budget, secrets, records, prompt. */
final class Tasks {
  private final AgentContext ctx;

  Tasks(AgentContext ctx) {
    this.ctx = ctx;
  }

  EngineTask plan(Issue issue, String runId, String extra) {
    String text = Templates.render(Tasks.class, "plan-task.md", Map.of(
        "issue", issue.key().display(), "title", issue.title(), "url", issue.url(), "body", issue.body(),
        "extra", extra.isBlank() ? "" : "\nA maintainer added this context (via /aegis ask):\n\n" + extra + "\n"));
    AegisConfig c = ctx.config();
    boolean readOnly = (Boolean) c.value(ConfigKeys.PLAN_READ_ONLY).orElse(Boolean.TRUE);
    return new EngineTask(ctx.workspace(), Mode.PLAN, text, policy().withReadOnly(readOnly), budget(),
        records(runId, "plan"), null, secrets()).withDatabase(ProductionAccess.database(c, ctx.environment())
        .orElse(null));
  }

  EngineTask fix(Issue issue, String runId, String rootCause, String fixPlan, String testPlan, String testCommand) {
    String text = Templates.render(Tasks.class, "fix-task.md", Map.of(
        "issue", issue.key().display(), "title", issue.title(), "body", issue.body(),
        "root_cause", rootCause, "fix_plan", fixPlan, "test_plan", testPlan,
        "test_hint", testCommand.isEmpty() ? "" : " (`" + testCommand + "`)"));
    return new EngineTask(ctx.workspace(), Mode.FIX, text, policy().withReadOnly(false), budget(),
        records(runId, "fix"), null, secrets());
  }

  Policy policy() {
    return Policy.defaults().withProtectedPaths(ctx.config().list(ConfigKeys.PROTECTED_PATHS))
        .withSandbox(sandbox(ctx.config()));
  }

  /**
   * The configured sandbox settings.
   *
   * @throws ConfigException when {@code sandbox.environment} lists a secret-looking name
   */
  static SandboxSettings sandbox(AegisConfig c) {
    List<String> names = c.list(ConfigKeys.SANDBOX_ENVIRONMENT);
    List<String> refused = CommandEnvironment.refusedNames(names);
    if (!refused.isEmpty()) {
      throw new ConfigException(ConfigKeys.SANDBOX_ENVIRONMENT, c.sourceOf(ConfigKeys.SANDBOX_ENVIRONMENT),
          "lists " + String.join(", ", refused) + ": commands never get secrets (or Aegis's HOME); remove "
              + (refused.size() == 1 ? "it" : "them"));
    }
    return new SandboxSettings((Boolean) c.value(ConfigKeys.SANDBOX_ALLOW_UNISOLATED).orElse(Boolean.FALSE), names,
        c.list(ConfigKeys.SANDBOX_READ_PATHS), c.list(ConfigKeys.SANDBOX_WRITE_PATHS));
  }

  Secrets secrets() {
    return Secrets.fromEnvironment(ctx.environment(), ctx.config().list(ConfigKeys.SECRET_ENV),
        ProductionAccess.secretValues(ctx.environment()));
  }

  Budget budget() {
    AegisConfig c = ctx.config();
    return new Budget(c.whole(ConfigKeys.BUDGET_MAX_STEPS), c.whole(ConfigKeys.BUDGET_MAX_TOKENS),
        c.maxDollars().doubleValue(), Duration.ofMinutes(c.whole(ConfigKeys.BUDGET_MAX_MINUTES)));
  }

  Path records(String runId, String what) {
    return ctx.records().resolve(runId).resolve(what + "-" + ctx.clock().millis());
  }
}
