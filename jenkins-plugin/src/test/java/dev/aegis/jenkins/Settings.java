package dev.aegis.jenkins;

/** Builds {@link AegisSettings} for tests by name rather than by position. */
final class Settings {
  private String repository;
  private String apiUrl;
  private String githubLogin;
  private String linearTeam;
  private String credentialsId;
  private String modelCredentialsId;
  private String model;
  private String readyLabel;
  private String bugLabel;
  private String mode;
  private int scanPeriodMinutes = AegisSettings.DEFAULT_SCAN_PERIOD_MINUTES;
  private int maxConcurrentRuns = AegisSettings.DEFAULT_MAX_CONCURRENT_RUNS;
  private String workerJob;
  private String webhookSecretCredentialsId;

  static Settings none() {
    return new Settings();
  }

  /** Everything the controller needs: repository, token, login and worker job. */
  static Settings configured() {
    return new Settings().repository("octo/shop").credentialsId("gh").githubLogin("aegis-bot").workerJob("aegis/worker");
  }

  Settings repository(String value) {
    repository = value;
    return this;
  }

  Settings apiUrl(String value) {
    apiUrl = value;
    return this;
  }

  Settings githubLogin(String value) {
    githubLogin = value;
    return this;
  }

  Settings linearTeam(String value) {
    linearTeam = value;
    return this;
  }

  Settings credentialsId(String value) {
    credentialsId = value;
    return this;
  }

  Settings modelCredentialsId(String value) {
    modelCredentialsId = value;
    return this;
  }

  Settings model(String value) {
    model = value;
    return this;
  }

  Settings labels(String ready, String bug) {
    readyLabel = ready;
    bugLabel = bug;
    return this;
  }

  Settings mode(String value) {
    mode = value;
    return this;
  }

  Settings scanPeriodMinutes(int value) {
    scanPeriodMinutes = value;
    return this;
  }

  Settings maxConcurrentRuns(int value) {
    maxConcurrentRuns = value;
    return this;
  }

  Settings workerJob(String value) {
    workerJob = value;
    return this;
  }

  Settings webhookSecretCredentialsId(String value) {
    webhookSecretCredentialsId = value;
    return this;
  }

  AegisSettings build() {
    return new AegisSettings(
        repository, apiUrl, githubLogin, linearTeam, credentialsId, modelCredentialsId, model, readyLabel, bugLabel,
        mode, scanPeriodMinutes, maxConcurrentRuns, workerJob, webhookSecretCredentialsId);
  }
}
