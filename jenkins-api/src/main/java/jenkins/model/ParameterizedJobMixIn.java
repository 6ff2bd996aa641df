package jenkins.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

/** Mirror of {@code jenkins.model.ParameterizedJobMixIn} (jenkins-core 2.479.3): the static scheduler only. */
public abstract class ParameterizedJobMixIn<
    JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
    RunT extends Run<JobT, RunT> & Queue.Executable> {

  public ParameterizedJobMixIn() {}

  public static Queue.Item scheduleBuild2(Job<?, ?> job, int quietPeriod, Action... actions) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  /** Mirror of {@code jenkins.model.ParameterizedJobMixIn$ParameterizedJob}; no member is used. */
  public interface ParameterizedJob<
      JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
      RunT extends Run<JobT, RunT> & Queue.Executable> {}
}
