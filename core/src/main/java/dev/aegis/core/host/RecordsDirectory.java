package dev.aegis.core.host;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where every command puts its runs' transcripts and audit logs: {@code AEGIS_RECORDS_DIR}, else
 * {@code $RUNNER_TEMP/aegis-records} on GitHub Actions (the action uploads that folder), else
 * {@code aegis-records} in the system temp directory. Never inside the workspace, which the agent may read.
 */
public final class RecordsDirectory {
  /** The environment variable that says where records go. */
  public static final String VARIABLE = "AEGIS_RECORDS_DIR";

  private RecordsDirectory() {}

  /**
   * The absolute records directory for {@code environment} (the host's, not this process's).
   *
   * @throws NullPointerException when {@code environment} is null
   */
  public static Path of(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String dir = environment.get(VARIABLE);
    if (dir == null || dir.isBlank()) {
      String runnerTemp = environment.get("RUNNER_TEMP");
      dir = runnerTemp == null || runnerTemp.isBlank()
          ? Path.of(System.getProperty("java.io.tmpdir"), "aegis-records").toString()
          : Path.of(runnerTemp, "aegis-records").toString();
    }
    return Path.of(dir).toAbsolutePath();
  }
}
