package dev.aegis.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the step off the CPS thread: resolves credentials in the build's context on the controller, runs the
 * core on the machine that holds the workspace ({@link RunCoreOnWorkspace}), then archives the call's
 * transcripts and audit logs with the build ({@link RunRecords}), also when the call failed.
 */
final class AegisStepExecution extends SynchronousNonBlockingStepExecution<Map<String, String>> {
  private static final long serialVersionUID = 1L;

  /** Not persisted with the Pipeline program: this kind of execution is not resumed after a restart. */
  private final transient StepParameters parameters;

  AegisStepExecution(StepContext context, StepParameters parameters) {
    super(context);
    this.parameters = parameters;
  }

  @Override
  protected Map<String, String> run() throws Exception {
    StepContext context = getContext();
    TaskListener listener = context.get(TaskListener.class);
    FilePath workspace = context.get(FilePath.class);
    EnvVars environment = context.get(EnvVars.class);
    Run<?, ?> build = context.get(Run.class);

    AegisSettings settings = AegisGlobalConfiguration.currentSettings();
    Optional<CoreOutcome> paused = CoreOutcome.pausedInJenkins(settings, parameters.command());
    if (paused.isPresent()) {
      listener.getLogger().println(paused.get().message());
      return new HashMap<>(paused.get().toPipelineResult());
    }
    RunRecords records = RunRecords.beside(workspace, environment.get(ConfigKeys.ENV_RECORDS_DIR));
    CoreCall call;
    try {
      SecretLookup secrets = id -> secretText(id, build);
      call = new CoreCallPlanner(secrets).plan(parameters, settings, environment, records.directoryForCore());
    } catch (IllegalArgumentException e) {
      throw new AbortException(e.getMessage());
    }
    CoreOutcome outcome;
    try {
      outcome = workspace.act(new RunCoreOnWorkspace(call, listener));
    } finally {
      records.archive(build, listener);
    }
    if (outcome.failsBuild()) {
      throw new AbortException(outcome.failureMessage());
    }
    return new HashMap<>(outcome.toPipelineResult());
  }

  private static Optional<String> secretText(String credentialsId, Run<?, ?> build) {
    StringCredentials credentials =
        CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, build, List.of());
    return Optional.ofNullable(credentials).map(found -> found.getSecret().getPlainText());
  }
}
