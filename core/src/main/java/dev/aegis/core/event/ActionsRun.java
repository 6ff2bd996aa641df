package dev.aegis.core.event;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The GitHub Actions workflow run a job belongs to, from the variables the runner sets: {@code GITHUB_SERVER_URL}
 * ({@code https://github.com}, or the GitHub Enterprise Server host), {@code GITHUB_REPOSITORY},
 * {@code GITHUB_RUN_ID} and {@code GITHUB_RUN_ATTEMPT}. Its page is
 * {@code GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID}, as GitHub's documentation builds it.
 *
 * @param serverUrl the web root, without a trailing slash
 * @param repository {@code owner/name}
 * @param runId the workflow run's id
 * @param attempt the run attempt, {@code 1} for the first
 */
public record ActionsRun(String serverUrl, String repository, String runId, String attempt) {
  /** The artifact {@code action.yml} uploads the run records to: {@code aegis-records-<run id>-<attempt>}. */
  public static final String RECORDS_ARTIFACT_PREFIX = "aegis-records-";

  public ActionsRun {
    Objects.requireNonNull(serverUrl, "serverUrl");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(runId, "runId");
    attempt = attempt == null || attempt.isBlank() ? "1" : attempt;
  }

  /** The run this process is a job of; empty outside GitHub Actions (or when a variable is missing or odd). */
  public static Optional<ActionsRun> of(Map<String, String> env) {
    String server = env.getOrDefault("GITHUB_SERVER_URL", "").strip().replaceAll("/+$", "");
    String repository = env.getOrDefault("GITHUB_REPOSITORY", "").strip();
    String run = env.getOrDefault("GITHUB_RUN_ID", "").strip();
    boolean usable = server.matches("https?://[^\\s/]+(/[^\\s]*)?") && repository.matches("[\\w.-]+/[\\w.-]+")
        && run.matches("\\d+");
    return usable ? Optional.of(new ActionsRun(server, repository, run, env.get("GITHUB_RUN_ATTEMPT")))
        : Optional.empty();
  }

  /** The workflow run's page. */
  /** The line a status comment ends with: which workflow run wrote it. */
  public String signature() {
    return "\n\n_Written by [workflow run " + runId + "](" + url() + ")._";
  }

  /** {@link #signature()} inside GitHub Actions, else nothing. */
  public static String signatureIn(Map<String, String> env) {
    return of(env).map(ActionsRun::signature).orElse("");
  }

  public String url() {
    return serverUrl + "/" + repository + "/actions/runs/" + runId;
  }

  /** Where the run page lists its artifacts. */
  public String artifactsUrl() {
    return url() + "#artifacts";
  }

  /** The name of this attempt's records artifact. */
  public String recordsArtifact() {
    return RECORDS_ARTIFACT_PREFIX + runId + "-" + attempt.strip();
  }
}
