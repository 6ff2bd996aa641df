package dev.aegis.jenkins;

import dev.aegis.core.host.WorkItem;

/** Starts the configured worker job for one {@link WorkItem}; the Jenkins implementation queues a build. */
public interface WorkerLauncher {

  /**
   * @param jobFullName the worker job's full name (folders separated by {@code /})
   * @param item the work, which becomes the build's parameters ({@link WorkerParameters})
   */
  Launch launch(String jobFullName, WorkItem item);

  /** What came of a launch. */
  enum Launch {
    /** A build is queued (or an identical one already was, and Jenkins folded the two). */
    SCHEDULED,
    /** No job has that full name. */
    NO_SUCH_JOB,
    /** The job exists but is disabled or not parameterizable. */
    NOT_BUILDABLE
  }
}
