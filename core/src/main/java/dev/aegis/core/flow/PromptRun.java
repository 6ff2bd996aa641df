package dev.aegis.core.flow;

import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.text.UntrustedText;
import java.util.Objects;

/** A free-form agent run on the workspace ({@code aegis run}, the Jenkins step's {@code run}): no tracker involved. */
public final class PromptRun {
  private final AgentContext ctx;

  public PromptRun(AgentContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Runs the engine with {@code prompt} under the configured policy and budget.
   *
   * @param mode plan (read-only unless {@code plan-read-only: false}) or fix
   * @throws dev.aegis.core.model.ModelException when the model cannot be set up
   */
  public EngineResult run(String prompt, Mode mode, String runId) {
    Tasks tasks = new Tasks(ctx);
    boolean readOnly = mode == Mode.PLAN && (Boolean) ctx.config().value(ConfigKeys.PLAN_READ_ONLY).orElse(true);
    EngineTask task = new EngineTask(ctx.workspace(), mode, UntrustedText.clean(prompt),
        tasks.policy().withReadOnly(readOnly), tasks.budget(), tasks.records(runId, mode.name().toLowerCase(java.util.Locale.ROOT)),
        null, tasks.secrets());
    return ctx.engines().engine(ctx.config(), ctx.environment(), ctx.progress()::accept).run(task);
  }
}
