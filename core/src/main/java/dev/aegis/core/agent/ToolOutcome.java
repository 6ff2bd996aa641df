package dev.aegis.core.agent;

/**
 * What one tool call produced.
 *
 * @param content what the model sees (redacted and capped by the tool box)
 * @param error the call failed or was refused
 * @param denied the policy refused it
 * @param report the finished report, for a valid {@code finish}; else null
 */
record ToolOutcome(String content, boolean error, boolean denied, Report report) {
  static ToolOutcome ok(String content) {
    return new ToolOutcome(content, false, false, null);
  }

  static ToolOutcome error(String content) {
    return new ToolOutcome(content, true, false, null);
  }

  static ToolOutcome denied(String content) {
    return new ToolOutcome("refused by policy: " + content, true, true, null);
  }

  static ToolOutcome finished(String content, Report report) {
    return new ToolOutcome(content, false, false, report);
  }

  ToolOutcome withContent(String value) {
    return new ToolOutcome(value, error, denied, report);
  }
}
