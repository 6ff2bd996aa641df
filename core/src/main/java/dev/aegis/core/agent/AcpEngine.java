package dev.aegis.core.agent;

import dev.aegis.core.model.Usage;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Secrets;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
    Secrets secrets = Secrets.fromEnvironment(settings.environment(), task.secrets().names(),
        task.secrets().values());
    Redactor redactor = secrets.redactor();
    RunRecords records;
    try {
      records = new RunRecords(task.recordsDirectory(), settings.clock(), redactor);
    } catch (UncheckedIOException e) {
      Path dir = task.recordsDirectory();
      return new EngineResult(Stop.of(Stop.Reason.INTERNAL_ERROR, "cannot write the run records in " + dir), null, 0,
          Usage.ZERO, 0, false, dir.resolve(RunRecords.TRANSCRIPT), dir.resolve(RunRecords.AUDIT), "",
          settings.sandbox().describe());
    }
    try (records) {
      return new AcpRun(agent, settings, task, secrets, redactor, records).execute();
    }
  }
}
