package dev.aegis.core.agent;

import dev.aegis.core.model.Usage;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Secrets;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What every engine does around its run: the task's secrets and redactor, the run's records (transcript and
 * audit log) opened and closed, and a typed internal error when the records cannot be written.
 */
final class RecordedRun {
  /** The engine's own run, given the secrets, their redactor and the open records. */
  interface Body {
    EngineResult run(Secrets secrets, Redactor redactor, RunRecords records);
  }

  private RecordedRun() {}

  static EngineResult run(EngineTask task, LoopSettings settings, Body body) {
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
          settings.sandbox().isolation().description());
    }
    try (records) {
      return body.run(secrets, redactor, records);
    }
  }
}
