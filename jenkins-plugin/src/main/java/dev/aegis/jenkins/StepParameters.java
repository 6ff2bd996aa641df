package dev.aegis.jenkins;

import dev.aegis.core.host.HostCommand;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code aegis} step's parameters after validation. Built by {@link #of} from the raw data-bound values;
 * blank strings become null.
 *
 * @param command what the core does (never null)
 * @param issue issue id ({@code 123}, {@code ENG-950}) or null
 * @param runId run id or null
 * @param dryRun decide and print, write nothing
 * @param prompt free-form prompt for {@code run} or null
 * @param repository {@code owner/name} override or null
 * @param apiUrl GitHub API URL override (GitHub Enterprise Server) or null
 * @param credentialsId Jenkins "Secret text" credentials id of the GitHub token, or null
 * @param modelCredentialsId Jenkins "Secret text" credentials id of the model API key, or null
 * @param model {@code provider/model} override or null
 */
public record StepParameters(
    HostCommand command,
    String issue,
    String runId,
    boolean dryRun,
    String prompt,
    String repository,
    String apiUrl,
    String credentialsId,
    String modelCredentialsId,
    String model)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The commands the step accepts, in the order the Snippet Generator lists them. */
  public static final Set<HostCommand> STEP_COMMANDS =
      EnumSet.of(HostCommand.PICKUP, HostCommand.PLAN, HostCommand.IMPLEMENT, HostCommand.ACTION, HostCommand.RUN);

  public StepParameters {
    if (command == null || !STEP_COMMANDS.contains(command)) {
      throw new IllegalArgumentException("command must be one of " + commandList());
    }
    issue = Text.blankToNull(issue);
    runId = Text.blankToNull(runId);
    prompt = Text.blankToNull(prompt);
    repository = Text.blankToNull(repository);
    apiUrl = Text.blankToNull(apiUrl);
    credentialsId = Text.blankToNull(credentialsId);
    modelCredentialsId = Text.blankToNull(modelCredentialsId);
    model = Text.blankToNull(model);
  }

  /**
   * Validates the step's raw values.
   *
   * @throws IllegalArgumentException with a message that says what to change
   */
  public static StepParameters of(AegisStep step) {
    HostCommand command = parseCommand(step.getCommand());
    var parameters =
        new StepParameters(
            command,
            step.getIssue(),
            step.getRunId(),
            step.isDryRun(),
            step.getPrompt(),
            step.getRepository(),
            step.getApiUrl(),
            step.getCredentialsId(),
            step.getModelCredentialsId(),
            step.getModel());
    parameters.checkRequired();
    parameters.checkDryRun();
    parameters.checkShapes();
    return parameters;
  }

  /** Parses a step command; the message lists the accepted ones. */
  public static HostCommand parseCommand(String text) {
    if (Text.blankToNull(text) == null) {
      throw new IllegalArgumentException("aegis: 'command' is required: one of " + commandList());
    }
    return HostCommand.parse(text)
        .filter(STEP_COMMANDS::contains)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "aegis: unknown command '" + text.trim() + "': use one of " + commandList()));
  }

  static String commandList() {
    return STEP_COMMANDS.stream().map(HostCommand::cliName).collect(Collectors.joining(", "));
  }

  private void checkRequired() {
    switch (command) {
      case PLAN -> require(issue, "issue", "issue: '123'");
      case IMPLEMENT -> {
        require(issue, "issue", "issue: params.ISSUE");
        require(runId, "runId", "runId: params.RUN_ID (the id in the RCA comment)");
      }
      case RUN -> require(prompt, "prompt", "prompt: 'explain the failing test'");
      default -> {
        // pickup scans (or picks up one issue when given); action reads the event from the environment
      }
    }
  }

  /** Which commands honour a dry run is the core's rule ({@link HostCommand#supportsDryRun()}). */
  private void checkDryRun() {
    if (dryRun && !command.supportsDryRun()) {
      throw new IllegalArgumentException(
          "aegis: command '" + command.cliName() + "' has no dryRun: it would write (run the agent, push, open a pull "
              + "request). Remove dryRun: true, or use command: 'plan' or 'pickup' with it to see what Aegis would do");
    }
  }

  private void require(String value, String name, String example) {
    if (value == null) {
      throw new IllegalArgumentException(
          "aegis: command '" + command.cliName() + "' needs '" + name + "' (for example " + example + ")");
    }
  }

  private void checkShapes() {
    Check repositoryCheck = ConfigValidation.repository(repository);
    if (repositoryCheck.isError()) {
      throw new IllegalArgumentException("aegis: repository: " + repositoryCheck.message());
    }
    Check apiUrlCheck = ConfigValidation.apiUrl(apiUrl);
    if (apiUrlCheck.isError()) {
      throw new IllegalArgumentException("aegis: apiUrl: " + apiUrlCheck.message());
    }
  }
}
