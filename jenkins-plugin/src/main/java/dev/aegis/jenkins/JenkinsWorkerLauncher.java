package dev.aegis.jenkins;

import dev.aegis.core.host.WorkItem;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.StringParameterValue;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Queues the worker job with {@code ISSUE}, {@code COMMAND} and {@code RUN_ID} String parameters. Jenkins
 * folds a request into an identical queued one, a second guard beside {@link WorkStarter}. The job must
 * declare the three parameters: Jenkins drops undeclared ones.
 */
final class JenkinsWorkerLauncher implements WorkerLauncher {

  /** The job by full name, as the calling user (or the system) may see it: what the form checks. */
  static ConfigValidation.JobState jobState(String jobFullName) {
    Job<?, ?> job = Jenkins.get().getItemByFullName(jobFullName, Job.class);
    if (job == null) {
      return ConfigValidation.JobState.MISSING;
    }
    return job.isBuildable() ? ConfigValidation.JobState.BUILDABLE : ConfigValidation.JobState.NOT_BUILDABLE;
  }

  @Override
  public Launch launch(String jobFullName, WorkItem item) {
    @SuppressWarnings("rawtypes")
    Job job = Jenkins.get().getItemByFullName(jobFullName, Job.class);
    if (job == null) {
      return Launch.NO_SUCH_JOB;
    }
    if (!job.isBuildable()) {
      return Launch.NOT_BUILDABLE;
    }
    List<ParameterValue> values = new ArrayList<>();
    WorkerParameters.of(item).forEach((name, value) -> values.add(new StringParameterValue(name, value)));
    Queue.Item queued =
        ParameterizedJobMixIn.scheduleBuild2(
            job, 0, new ParametersAction(values), new CauseAction(new AegisCause(WorkerParameters.describe(item))));
    return queued == null ? Launch.NOT_BUILDABLE : Launch.SCHEDULED;
  }
}
