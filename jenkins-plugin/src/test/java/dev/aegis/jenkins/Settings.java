package dev.aegis.jenkins;

/** Builds {@link AegisSettings} for tests by name rather than by position. */
final class Settings {
  private String repository;
  private String apiUrl;
  private String githubLogin;
  private String linearTeam;
  private String linearCredentialsId;
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
  private String linearWebhookSecretCredentialsId;
  private String configYaml;

  static Settings none() {
    return new Settings();
  }

  /** A builder that starts from {@code settings}, to change a few values. */
  static Settings from(AegisSettings settings) {
    Settings copy = new Settings();
    copy.repository = settings.repository();
    copy.apiUrl = settings.apiUrl();
    copy.githubLogin = settings.githubLogin();
    copy.linearTeam = settings.linearTeam();
    copy.linearCredentialsId = settings.linearCredentialsId();
    copy.credentialsId = settings.credentialsId();
    copy.modelCredentialsId = settings.modelCredentialsId();
    copy.model = settings.model();
    copy.readyLabel = settings.readyLabel();
    copy.bugLabel = settings.bugLabel();
    copy.mode = settings.mode();
    copy.scanPeriodMinutes = settings.scanPeriodMinutes();
    copy.maxConcurrentRuns = settings.maxConcurrentRuns();
    copy.workerJob = settings.workerJob();
    copy.webhookSecretCredentialsId = settings.webhookSecretCredentialsId();
    copy.linearWebhookSecretCredentialsId = settings.linearWebhookSecretCredentialsId();
    copy.configYaml = settings.configYaml();
    return copy;
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

  Settings linearCredentialsId(String value) {
    linearCredentialsId = value;
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

  Settings linearWebhookSecretCredentialsId(String value) {
    linearWebhookSecretCredentialsId = value;
    return this;
  }

  Settings configYaml(String value) {
    configYaml = value;
    return this;
  }

  AegisSettings build() {
    return new AegisSettings(
        repository, apiUrl, githubLogin, linearTeam, linearCredentialsId, credentialsId, modelCredentialsId, model,
        readyLabel, bugLabel, mode, scanPeriodMinutes, maxConcurrentRuns, workerJob, webhookSecretCredentialsId,
        linearWebhookSecretCredentialsId, configYaml);
  }
}
