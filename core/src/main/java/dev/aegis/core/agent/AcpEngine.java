package dev.aegis.core.agent;


/** An external coding agent over ACP: one {@link AcpRun} per task, records opened and closed around it. */
final class AcpEngine implements Engine {
  private final AgentSpec agent;
  private final LoopSettings settings;

  AcpEngine(AgentSpec agent, LoopSettings settings) {
    this.agent = agent;
    this.settings = settings;
  }

  @Override
  public EngineResult run(EngineTask task) {
    return RecordedRun.run(task, settings, (secrets, redactor, records) ->
        new AcpRun(agent, settings, task, secrets, redactor, records).execute());
  }
}
