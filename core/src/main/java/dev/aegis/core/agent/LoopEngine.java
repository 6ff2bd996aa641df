package dev.aegis.core.agent;

import dev.aegis.core.model.ModelClient;

/** The built-in engine: one {@link LoopRun} per task, records opened and closed around it. */
final class LoopEngine implements Engine {
  private final ModelClient model;
  private final LoopSettings settings;

  LoopEngine(ModelClient model, LoopSettings settings) {
    this.model = model;
    this.settings = settings;
  }

  @Override
  public EngineResult run(EngineTask task) {
    return RecordedRun.run(task, settings, (secrets, redactor, records) ->
        new LoopRun(model, settings, task, secrets, redactor, records).execute());
  }
}
