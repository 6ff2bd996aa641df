package dev.aegis.jenkins;

/**
 * A snapshot of the global configuration as plain values, so the step, the scan and the webhook decide
 * without touching Jenkins. Blank strings become null; numbers are already valid.
 *
 * @param repository GitHub {@code owner/name} or null
 * @param apiUrl GitHub API URL or null (api.github.com)
 * @param githubLogin the login the GitHub token acts as (a user, or {@code <app>[bot]}), so Aegis recognises
 *     its own comments; or null
 * @param linearTeam Linear team key or name ({@code ENG}, {@code Engineering}), or null (no Linear from the form)
 * @param linearCredentialsId "Secret text" credentials id of the Linear API key, or null
 * @param credentialsId "Secret text" credentials id of the GitHub token, or null
 * @param modelCredentialsId "Secret text" credentials id of the model API key, or null
 * @param model {@code provider/model} or null (the core's default)
 * @param readyLabel ready label name or null (the core's default)
 * @param bugLabel bug label name or null (the core's default)
 * @param mode {@code plan-first}, {@code auto} or null (plan-first)
 * @param scanPeriodMinutes minutes between scans, at least 1
 * @param maxConcurrentRuns max concurrent runs; 0 pauses Aegis
 * @param workerJob full name of the job the scan starts, or null
 * @param webhookSecretCredentialsId "Secret text" credentials id of the GitHub webhook secret, or null (off)
 * @param linearWebhookSecretCredentialsId "Secret text" credentials id of the Linear webhook's signing secret, or
 *     null (the Linear webhook is off)
 * @param configYaml the controller's {@code .aegis/config.yml} content, or null; see {@link ConfigYaml}
 */
public record AegisSettings(
    String repository,
    String apiUrl,
    String githubLogin,
    String linearTeam,
    String linearCredentialsId,
    String credentialsId,
    String modelCredentialsId,
    String model,
    String readyLabel,
    String bugLabel,
    String mode,
    int scanPeriodMinutes,
    int maxConcurrentRuns,
    String workerJob,
    String webhookSecretCredentialsId,
    String linearWebhookSecretCredentialsId,
    String configYaml) {

  public static final int DEFAULT_SCAN_PERIOD_MINUTES = 10;

  public static final int DEFAULT_MAX_CONCURRENT_RUNS = 1;

  /** Nothing configured: the step works from its parameters and the build environment alone. */
  public static final AegisSettings NONE =
      new AegisSettings(
          null, null, null, null, null, null, null, null, null, null, null, DEFAULT_SCAN_PERIOD_MINUTES,
          DEFAULT_MAX_CONCURRENT_RUNS, null, null, null, null);

  public AegisSettings {
    repository = Text.blankToNull(repository);
    apiUrl = Text.blankToNull(apiUrl);
    githubLogin = Text.blankToNull(githubLogin);
    linearTeam = Text.blankToNull(linearTeam);
    linearCredentialsId = Text.blankToNull(linearCredentialsId);
    credentialsId = Text.blankToNull(credentialsId);
    modelCredentialsId = Text.blankToNull(modelCredentialsId);
    model = Text.blankToNull(model);
    readyLabel = Text.blankToNull(readyLabel);
    bugLabel = Text.blankToNull(bugLabel);
    mode = Text.blankToNull(mode);
    workerJob = Text.blankToNull(workerJob);
    webhookSecretCredentialsId = Text.blankToNull(webhookSecretCredentialsId);
    linearWebhookSecretCredentialsId = Text.blankToNull(linearWebhookSecretCredentialsId);
    configYaml = ConfigYaml.blankToNull(configYaml);
    if (scanPeriodMinutes < ConfigValidation.MIN_SCAN_PERIOD_MINUTES
        || scanPeriodMinutes > ConfigValidation.MAX_SCAN_PERIOD_MINUTES) {
      throw new IllegalArgumentException("scanPeriodMinutes out of range: " + scanPeriodMinutes);
    }
    if (maxConcurrentRuns < 0) {
      throw new IllegalArgumentException("maxConcurrentRuns must not be negative: " + maxConcurrentRuns);
    }
  }

  /** Max concurrent runs of 0 pauses everything: no scans, claims or approvals. */
  public boolean paused() {
    return maxConcurrentRuns == 0;
  }
}
