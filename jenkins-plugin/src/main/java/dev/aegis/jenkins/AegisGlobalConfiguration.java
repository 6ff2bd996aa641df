package dev.aegis.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Aegis's section of Manage Jenkins > System (and {@code unclassified: aegis:} in Configuration as Code):
 * trackers (GitHub repository, API URL, the login the token acts as; Linear team), credentials ids, model, labels,
 * mode, scan period, concurrency (0 pauses), the worker job, the webhook secrets, and the controller's Aegis
 * configuration (YAML) for everything else. Holds values only (Stapler and Configuration as Code bind them through
 * one getter and one setter each, hence the length); decisions use its {@link #toSettings()} snapshot.
 */
@Extension
@Symbol("aegis")
public class AegisGlobalConfiguration extends GlobalConfiguration {
  /** What the mode list adds to the core's mode names (a mode the core adds later shows by its name alone). */
  private static final Map<String, String> MODE_NOTES =
      Map.of("plan-first", " (checkpoint before implementing)", "auto", " (implement right after a low-risk plan)");

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


  public AegisGlobalConfiguration() {
    load();
  }

  /** The saved configuration, or {@link AegisSettings#NONE} when the extension is not (yet) loaded. */
  public static AegisSettings currentSettings() {
    for (GlobalConfiguration each : GlobalConfiguration.all()) {
      if (each instanceof AegisGlobalConfiguration configuration) {
        return configuration.toSettings();
      }
    }
    return AegisSettings.NONE;
  }

  /** A plain snapshot; out-of-range numbers (hand-edited XML) fall back to the defaults. */
  public AegisSettings toSettings() {
    int period =
        scanPeriodMinutes < ConfigValidation.MIN_SCAN_PERIOD_MINUTES
                || scanPeriodMinutes > ConfigValidation.MAX_SCAN_PERIOD_MINUTES
            ? AegisSettings.DEFAULT_SCAN_PERIOD_MINUTES
            : scanPeriodMinutes;
    int concurrency = Math.max(0, maxConcurrentRuns);
    return new AegisSettings(
        repository, apiUrl, githubLogin, linearTeam, linearCredentialsId, credentialsId, modelCredentialsId, model,
        readyLabel, bugLabel, mode, period, concurrency, workerJob, webhookSecretCredentialsId,
        linearWebhookSecretCredentialsId, configYaml);
  }

  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    boolean ok = super.configure(req, json);
    save();
    return ok;
  }

  @Override
  public String getDisplayName() {
    return "Aegis";
  }

  public String getRepository() {
    return repository;
  }

  @DataBoundSetter
  public void setRepository(String repository) {
    this.repository = Text.blankToNull(repository);
  }

  public String getApiUrl() {
    return apiUrl;
  }

  @DataBoundSetter
  public void setApiUrl(String apiUrl) {
    this.apiUrl = Text.blankToNull(apiUrl);
  }

  public String getGithubLogin() {
    return githubLogin;
  }

  @DataBoundSetter
  public void setGithubLogin(String githubLogin) {
    this.githubLogin = Text.blankToNull(githubLogin);
  }

  public String getLinearTeam() {
    return linearTeam;
  }

  @DataBoundSetter
  public void setLinearTeam(String linearTeam) {
    this.linearTeam = Text.blankToNull(linearTeam);
  }

  public String getLinearCredentialsId() {
    return linearCredentialsId;
  }

  @DataBoundSetter
  public void setLinearCredentialsId(String linearCredentialsId) {
    this.linearCredentialsId = Text.blankToNull(linearCredentialsId);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Text.blankToNull(credentialsId);
  }

  public String getModelCredentialsId() {
    return modelCredentialsId;
  }

  @DataBoundSetter
  public void setModelCredentialsId(String modelCredentialsId) {
    this.modelCredentialsId = Text.blankToNull(modelCredentialsId);
  }

  public String getModel() {
    return model;
  }

  @DataBoundSetter
  public void setModel(String model) {
    this.model = Text.blankToNull(model);
  }

  public String getReadyLabel() {
    return readyLabel;
  }

  @DataBoundSetter
  public void setReadyLabel(String readyLabel) {
    this.readyLabel = Text.blankToNull(readyLabel);
  }

  public String getBugLabel() {
    return bugLabel;
  }

  @DataBoundSetter
  public void setBugLabel(String bugLabel) {
    this.bugLabel = Text.blankToNull(bugLabel);
  }

  public String getMode() {
    return mode;
  }

  @DataBoundSetter
  public void setMode(String mode) {
    this.mode = Text.blankToNull(mode);
  }

  public int getScanPeriodMinutes() {
    return scanPeriodMinutes;
  }

  @DataBoundSetter
  public void setScanPeriodMinutes(int scanPeriodMinutes) {
    this.scanPeriodMinutes = scanPeriodMinutes;
  }

  public int getMaxConcurrentRuns() {
    return maxConcurrentRuns;
  }

  @DataBoundSetter
  public void setMaxConcurrentRuns(int maxConcurrentRuns) {
    this.maxConcurrentRuns = maxConcurrentRuns;
  }

  public String getWorkerJob() {
    return workerJob;
  }

  @DataBoundSetter
  public void setWorkerJob(String workerJob) {
    this.workerJob = Text.blankToNull(workerJob);
  }

  public String getWebhookSecretCredentialsId() {
    return webhookSecretCredentialsId;
  }

  @DataBoundSetter
  public void setWebhookSecretCredentialsId(String webhookSecretCredentialsId) {
    this.webhookSecretCredentialsId = Text.blankToNull(webhookSecretCredentialsId);
  }

  public String getLinearWebhookSecretCredentialsId() {
    return linearWebhookSecretCredentialsId;
  }

  @DataBoundSetter
  public void setLinearWebhookSecretCredentialsId(String linearWebhookSecretCredentialsId) {
    this.linearWebhookSecretCredentialsId = Text.blankToNull(linearWebhookSecretCredentialsId);
  }

  public String getConfigYaml() {
    return configYaml;
  }

  @DataBoundSetter
  public void setConfigYaml(String configYaml) {
    this.configYaml = ConfigYaml.blankToNull(configYaml);
  }

  public FormValidation doCheckRepository(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.repository(value));
  }

  public FormValidation doCheckApiUrl(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.apiUrl(value));
  }

  public FormValidation doCheckGithubLogin(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.githubLogin(value));
  }

  public FormValidation doCheckLinearTeam(
      @QueryParameter String value, @QueryParameter String linearCredentialsId) {
    return FormChecks.toValidation(ConfigValidation.linearTeam(value, linearCredentialsId));
  }

  /**
   * Runs the core's own configuration loader on the text, with the trackers and team the fields add. It writes the
   * text to a temporary file to do so, hence POST only (the view asks for {@code checkMethod="post"}) and
   * administrators only.
   */
  @POST
  public FormValidation doCheckConfigYaml(
      @QueryParameter String value, @QueryParameter String repository, @QueryParameter String linearTeam) {
    if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
      return FormValidation.ok(); // it writes a temporary file: only for those who may save the form
    }
    return FormChecks.toValidation(
        PluginClassLoader.call(() -> ConfigValidation.configYaml(value, repository, linearTeam)));
  }

  public FormValidation doCheckMode(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.mode(value));
  }

  public FormValidation doCheckReadyLabel(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.label(value));
  }

  public FormValidation doCheckBugLabel(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.label(value));
  }

  public FormValidation doCheckScanPeriodMinutes(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.scanPeriodMinutes(value));
  }

  public FormValidation doCheckMaxConcurrentRuns(@QueryParameter String value) {
    return FormChecks.toValidation(ConfigValidation.maxConcurrentRuns(value));
  }

  /** The worker job must exist and take builds; checked for administrators only (others see no job names). */
  public FormValidation doCheckWorkerJob(@QueryParameter String value) {
    if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
      return FormValidation.ok();
    }
    return FormChecks.toValidation(ConfigValidation.workerJob(value, JenkinsWorkerLauncher::jobState));
  }

  /** The core's modes, each with a short explanation when this form has one. */
  public ListBoxModel doFillModeItems() {
    ListBoxModel items = new ListBoxModel();
    for (String mode : ConfigValidation.modes()) {
      items.add(mode + MODE_NOTES.getOrDefault(mode, ""), mode);
    }
    return items;
  }

  public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
    return systemStringCredentials(credentialsId);
  }

  public ListBoxModel doFillModelCredentialsIdItems(@QueryParameter String modelCredentialsId) {
    return systemStringCredentials(modelCredentialsId);
  }

  public ListBoxModel doFillLinearCredentialsIdItems(@QueryParameter String linearCredentialsId) {
    return systemStringCredentials(linearCredentialsId);
  }

  public ListBoxModel doFillLinearWebhookSecretCredentialsIdItems(
      @QueryParameter String linearWebhookSecretCredentialsId) {
    return systemStringCredentials(linearWebhookSecretCredentialsId);
  }

  public ListBoxModel doFillWebhookSecretCredentialsIdItems(@QueryParameter String webhookSecretCredentialsId) {
    return systemStringCredentials(webhookSecretCredentialsId);
  }

  /** Global "Secret text" credentials, listed for administrators only. */
  private static ListBoxModel systemStringCredentials(String current) {
    ListBoxModel items = new ListBoxModel();
    items.add("- none -", "");
    Jenkins jenkins = Jenkins.get();
    if (jenkins.hasPermission(Jenkins.ADMINISTER)) {
      items.addAll(
          CredentialsProvider.listCredentialsInItemGroup(
              StringCredentials.class, jenkins, null, List.of(), CredentialsMatchers.always()));
    }
    FormChecks.keepCurrent(items, current);
    return items;
  }
}
