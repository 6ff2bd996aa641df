package dev.aegis.core.host;

import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.agent.ReportMarkdown;
import dev.aegis.core.agent.Stop;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.flow.AgentContext;
import dev.aegis.core.flow.PromptRun;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.model.ModelException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The host {@code run} command: the agent on the workspace with a free-form prompt, no tracker. */
final class RunPrompt {
  private final HostRequest request;
  private final AegisConfig config;
  private final HostLog log;
  private final EngineProvider engines;
  private final Clock clock;

  RunPrompt(HostRequest request, AegisConfig config, HostLog log, EngineProvider engines, Clock clock) {
    this.request = request;
    this.config = config;
    this.log = log;
    this.engines = engines;
    this.clock = clock;
  }

  HostResult run() {
    String prompt = request.promptText()
        .orElseThrow(() -> new IllegalArgumentException("'run' needs a prompt: what to investigate or fix"));
    AgentContext ctx = Session.agent(request, config, log, clock, engines);
    EngineResult result;
    try {
      result = new PromptRun(ctx).run(prompt, Mode.PLAN, "run-" + clock.millis());
    } catch (ModelException e) {
      return HostResult.of(outcomeOf(Stop.model(e).outcome()), e.getMessage());
    }
    log.line(ReportMarkdown.render(result));
    log.summary(ReportMarkdown.render(result));
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("decision", result.stop().reason().name().toLowerCase(java.util.Locale.ROOT));
    outputs.put("records", result.transcript().getParent().toString());
    Outcome outcome = outcomeOf(result.outcome());
    return new HostResult(outcome, result.stop().explain(), outputs);
  }

  private static Outcome outcomeOf(Stop.Outcome outcome) {
    return switch (outcome) {
      case FINISHED -> Outcome.OK;
      case BLOCKED -> Outcome.BLOCKED;
      case CONFIG_ERROR -> Outcome.CONFIG_ERROR;
      case AUTH_ERROR -> Outcome.AUTH_ERROR;
      case REMOTE_ERROR -> Outcome.REMOTE_ERROR;
      case INTERNAL_ERROR -> Outcome.INTERNAL_ERROR;
    };
  }
}
