package dev.aegis.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import dev.aegis.core.host.HostCommand;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code aegis} Pipeline step: {@code aegis command: 'pickup', dryRun: true}. Runs the Aegis core in
 * the build's workspace (on the agent that holds it), prints what the CLI prints, returns a map with
 * {@code runId}, {@code decision}, {@code prUrl} (plus {@code outcome} and {@code message}), and fails the
 * build with the core's message when the outcome is not OK.
 */
public final class AegisStep extends Step {
  private final String command;
  private String issue;
  private String runId;
  private boolean dryRun;
  private String prompt;
  private String repository;
  private String apiUrl;
  private String credentialsId;
  private String modelCredentialsId;
  private String model;

  @DataBoundConstructor
  public AegisStep(String command) {
    this.command = Text.blankToNull(command);
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    StepParameters parameters;
    try {
      parameters = StepParameters.of(this);
    } catch (IllegalArgumentException e) {
      throw new AbortException(e.getMessage());
    }
    return new AegisStepExecution(context, parameters);
  }

  public String getCommand() {
    return command;
  }

  public String getIssue() {
    return issue;
  }

  @DataBoundSetter
  public void setIssue(String issue) {
    this.issue = Text.blankToNull(issue);
  }

  public String getRunId() {
    return runId;
  }

  @DataBoundSetter
  public void setRunId(String runId) {
    this.runId = Text.blankToNull(runId);
  }

  public boolean isDryRun() {
    return dryRun;
  }

  @DataBoundSetter
  public void setDryRun(boolean dryRun) {
    this.dryRun = dryRun;
  }

  public String getPrompt() {
    return prompt;
  }

  @DataBoundSetter
  public void setPrompt(String prompt) {
    this.prompt = Text.blankToNull(prompt);
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

  /** Declares the step to Pipeline and backs its Snippet Generator form. */
  @Extension
  @Symbol("aegis")
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }

    @Override
    public String getFunctionName() {
      return "aegis";
    }

    /**
     * Pipeline binds {@code aegis key: value, ...} here whenever a descriptor overrides this method (workflow-cps'
     * DSL checks that; otherwise it binds through structs and only warns about unknown names). The arguments are
     * checked first ({@link StepArguments}), so a misspelt parameter or a {@code dryRun: 'yes'} fails the step
     * before it runs; then Jenkins' own binding makes the step. If a Pipeline ever bound steps without calling
     * this, the checks would be skipped and Jenkins' warning would be all that remains (written down in the
     * plugin README's troubleshooting).
     */
    @Override
    public Step newInstance(Map<String, Object> arguments) throws Exception {
      return super.newInstance(StepArguments.check(arguments));
    }

    @Override
    public String getDisplayName() {
      return "Aegis: pick up, plan or fix a bug in this workspace";
    }

    public ListBoxModel doFillCommandItems() {
      ListBoxModel items = new ListBoxModel();
      for (HostCommand each : StepParameters.STEP_COMMANDS) {
        items.add(each.cliName(), each.cliName());
      }
      return items;
    }

    public FormValidation doCheckCommand(@QueryParameter String value) {
      try {
        StepParameters.parseCommand(value);
        return FormValidation.ok();
      } catch (IllegalArgumentException e) {
        return FormValidation.error(e.getMessage());
      }
    }

    public FormValidation doCheckRepository(@QueryParameter String value) {
      return FormChecks.toValidation(ConfigValidation.repository(value));
    }

    public FormValidation doCheckApiUrl(@QueryParameter String value) {
      return FormChecks.toValidation(ConfigValidation.apiUrl(value));
    }

    public ListBoxModel doFillCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String credentialsId) {
      return stringCredentialsIn(item, credentialsId);
    }

    public ListBoxModel doFillModelCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String modelCredentialsId) {
      return stringCredentialsIn(item, modelCredentialsId);
    }

    /** "Secret text" credentials usable by the job being configured; only for users who may see them. */
    private static ListBoxModel stringCredentialsIn(Item item, String current) {
      ListBoxModel items = new ListBoxModel();
      items.add("- none -", "");
      if (item == null
          || !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
        FormChecks.keepCurrent(items, current);
        return items;
      }
      items.addAll(
          CredentialsProvider.listCredentialsInItem(
              StringCredentials.class, item, null, List.of(), CredentialsMatchers.always()));
      FormChecks.keepCurrent(items, current);
      return items;
    }
  }
}
