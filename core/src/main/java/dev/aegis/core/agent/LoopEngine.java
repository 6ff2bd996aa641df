package dev.aegis.core.agent;

import dev.aegis.core.model.ModelClient;
import dev.aegis.core.model.Usage;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Secrets;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
    Secrets secrets = Secrets.fromEnvironment(settings.environment(), task.secrets().names(),
        task.secrets().values());
    Redactor redactor = secrets.redactor();
    RunRecords records;
    try {
      records = new RunRecords(task.recordsDirectory(), settings.clock(), redactor);
    } catch (UncheckedIOException e) {
      return unrecorded(task, "cannot write the run records in " + task.recordsDirectory());
    }
    try (records) {
      return new LoopRun(model, settings, task, secrets, redactor, records).execute();
    }
  }

  private EngineResult unrecorded(EngineTask task, String why) {
    Path dir = task.recordsDirectory();
    return new EngineResult(Stop.of(Stop.Reason.INTERNAL_ERROR, why), null, 0, Usage.ZERO, 0, false,
        dir.resolve(RunRecords.TRANSCRIPT), dir.resolve(RunRecords.AUDIT), "", settings.sandbox().isolation()
        .description());
  }
}
