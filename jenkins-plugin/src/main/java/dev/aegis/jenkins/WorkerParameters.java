package dev.aegis.jenkins;

import dev.aegis.core.host.WorkItem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a core {@link WorkItem} becomes a worker build: three String parameters, which the worker job must
 * declare (Jenkins drops undeclared ones) and pass to {@code aegis command: params.COMMAND, issue:
 * params.ISSUE, runId: params.RUN_ID}. {@code ISSUE} is a GitHub number ({@code 123}) or a Linear identifier
 * ({@code ENG-950}).
 */
public final class WorkerParameters {
  public static final String ISSUE = "ISSUE";
  public static final String COMMAND = "COMMAND";
  public static final String RUN_ID = "RUN_ID";

  private WorkerParameters() {}

  /** The worker build's parameters, in a stable order. */
  public static Map<String, String> of(WorkItem item) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(ISSUE, item.issue());
    parameters.put(COMMAND, item.command().cliName());
    parameters.put(RUN_ID, item.runId());
    return parameters;
  }

  /**
   * One line for the scan log and the build cause: {@code plan #42 (run 42-k3x9qa)} for a GitHub issue,
   * {@code plan ENG-950 (run eng-950-k3x9qa)} for a Linear one.
   */
  public static String describe(WorkItem item) {
    String run = item.runId().isEmpty() ? "" : " (run " + item.runId() + ")";
    String issue = item.issue().chars().allMatch(Character::isDigit) ? "#" + item.issue() : item.issue();
    return item.command().cliName() + " " + issue + run;
  }
}
