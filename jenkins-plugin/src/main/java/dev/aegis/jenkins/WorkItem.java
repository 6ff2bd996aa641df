package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of work the scan found: the worker job runs {@code aegis command: COMMAND, issue: ISSUE,
 * runId: RUN_ID}.
 *
 * @param key identity of the work, stable across scans (for example {@code plan:42:run-7} or an approval
 *     comment's id); the scan starts each key at most once
 * @param command the step command for the worker
 * @param issue the issue id (never blank)
 * @param runId the run id, or null
 */
public record WorkItem(String key, HostCommand command, String issue, String runId) {
  /** Build parameter names the worker job must define (String parameters). */
  public static final String PARAM_ISSUE = "ISSUE";

  public static final String PARAM_COMMAND = "COMMAND";
  public static final String PARAM_RUN_ID = "RUN_ID";

  public WorkItem {
    key = Objects.requireNonNull(Text.blankToNull(key), "key");
    Objects.requireNonNull(command, "command");
    issue = Objects.requireNonNull(Text.blankToNull(issue), "issue");
    runId = Text.blankToNull(runId);
  }

  /** The worker build's parameters, in a stable order. */
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(PARAM_ISSUE, issue);
    parameters.put(PARAM_COMMAND, command.cliName());
    parameters.put(PARAM_RUN_ID, runId == null ? "" : runId);
    return parameters;
  }

  /** One line for the scan log and the build cause. */
  public String describe() {
    return command.cliName() + " #" + issue + (runId == null ? "" : " (run " + runId + ")");
  }
}
