package dev.aegis.core.agent;

import dev.aegis.core.policy.Policy;
import dev.aegis.core.production.ProductionDatabase;
import dev.aegis.core.policy.Secrets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * "Investigate/fix this in that workspace under this policy."
 *
 * @param workspace the checked-out repository (the sandbox)
 * @param mode plan or fix
 * @param task what to do: the issue title and body already cleaned with {@code UntrustedText}, plus any
 *     extra context (for a fix run, the approved plan)
 * @param policy what the run may touch
 * @param budget its limits
 * @param recordsDirectory where {@code transcript.jsonl} and {@code audit.jsonl} are written (outside the
 *     workspace is best, so the agent cannot see or touch them)
 * @param baseRef the git ref guidance files ({@code AGENTS.md}, {@code .aegis/instructions.md}) are read
 *     from; null for {@code HEAD} as it was when the run started
 * @param secrets the values to redact and the environment names to keep from commands
 * @param database read-only production database access for {@code sql_query} and {@code describe_schema}
 *     (production context with {@code DATABASE_URL}); null for none
 */
public record EngineTask(
    Path workspace, Mode mode, String task, Policy policy, Budget budget, Path recordsDirectory, String baseRef,
    Secrets secrets, ProductionDatabase database) {
  /** A task without production database access. */
  public EngineTask(Path workspace, Mode mode, String task, Policy policy, Budget budget, Path recordsDirectory,
      String baseRef, Secrets secrets) {
    this(workspace, mode, task, policy, budget, recordsDirectory, baseRef, secrets, null);
  }

  /** This task with {@code value} as its production database (null for none). */
  public EngineTask withDatabase(ProductionDatabase value) {
    return new EngineTask(workspace, mode, task, policy, budget, recordsDirectory, baseRef, secrets, value);
  }

  public EngineTask {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(recordsDirectory, "recordsDirectory");
    Objects.requireNonNull(secrets, "secrets");
  }
}
