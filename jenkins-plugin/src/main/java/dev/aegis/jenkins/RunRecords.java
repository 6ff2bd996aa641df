package dev.aegis.jenkins;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.UUID;

/**
 * Where one step call's transcripts and audit logs go, and how they reach the build: the core writes them
 * beside the workspace, in {@code <workspace>@tmp/aegis-records/<call>} on the machine that holds it (outside
 * the workspace, so the agent cannot touch them and a checkout never sees them); afterwards they are copied
 * into the build's artifacts under {@value #ARTIFACTS} (Jenkins' standard artifact storage) and the temporary
 * copy is removed. A build that sets {@code AEGIS_RECORDS_DIR} itself keeps them where it says.
 */
final class RunRecords {
  static final String ARTIFACTS = "aegis-records";

  private final FilePath directory;
  private final boolean archive;

  private RunRecords(FilePath directory, boolean archive) {
    this.directory = directory;
    this.archive = archive;
  }

  /** Records for one call in {@code workspace}; {@code configured} is the build's own AEGIS_RECORDS_DIR. */
  static RunRecords beside(FilePath workspace, String configured) {
    if (Text.blankToNull(configured) != null) {
      return new RunRecords(null, false);
    }
    FilePath temp = workspace.sibling(workspace.getName() + "@tmp");
    return new RunRecords(temp.child(ARTIFACTS).child(UUID.randomUUID().toString()), true);
  }

  /** The directory for {@code AEGIS_RECORDS_DIR}, or null to leave the build's own setting. */
  String directoryForCore() {
    return directory == null ? null : directory.getRemote();
  }

  /** Copies what the call recorded into the build's artifacts; never fails the build over it. */
  void archive(Run<?, ?> build, TaskListener listener) throws InterruptedException {
    if (!archive) {
      return;
    }
    PrintStream out = listener.getLogger();
    try {
      if (!directory.exists()) {
        return;
      }
      FilePath target = new FilePath(new File(build.getArtifactsDir(), ARTIFACTS));
      int files = directory.copyRecursiveTo("**/*", target);
      directory.deleteRecursive();
      out.println("Aegis records (transcript.jsonl, audit.jsonl): " + files + " files archived with the build under "
          + ARTIFACTS + "/ (Build Artifacts); verify an audit log with 'aegis audit verify <audit.jsonl>'.");
    } catch (IOException e) {
      out.println("WARNING: Aegis could not archive its records (" + e.getMessage() + "); they stay in "
          + directory.getRemote() + " on the machine that ran the step.");
    }
  }
}
