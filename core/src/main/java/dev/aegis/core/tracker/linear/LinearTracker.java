package dev.aegis.core.tracker.linear;

import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.List;

/**
 * Linear as an Aegis {@link Tracker}, for one team. Keys look like {@code linear:ENG-950}.
 *
 * <p>How the seam maps onto Linear: ready = the configured workflow state and/or label, bug = a label (Linear
 * has no issue types); "open" = any state whose type is not {@code completed}, {@code canceled} or {@code
 * duplicate}; a {@link dev.aegis.core.tracker.Phase} = a configured state and/or label ({@link PhaseTarget});
 * {@link #permission} = {@code WRITE} for people on the approvers list (emails or user ids), {@code NONE} for
 * everyone else, since Linear has no repository permissions; {@link #records()} = issue attachments (Linear drops
 * HTML from comments, so no hidden state block survives there). Names are mapped to ids once per instance, on first
 * use.
 *
 * <p>Every method may throw {@link dev.aegis.core.tracker.TrackerException}; its status is the HTTP status the
 * failure stands for even when Linear answered 200 or 400 with a GraphQL error (401 refused key, 403 no access,
 * 404 not found, 429 rate limited), and {@link LinearConfigException} when a configured name does not exist.
 */
public interface LinearTracker extends Tracker {

  /** A tracker for the team and names in {@code settings}; nothing is sent to Linear until the first call. */
  static LinearTracker create(LinearSettings settings, LinearRuntime runtime) {
    return new DefaultLinearTracker(settings, runtime);
  }

  /**
   * The teams {@code connection}'s API key can see, for setup to offer ({@link LinearTeam#display()}) and pick
   * from ({@link LinearTeam#pick}).
   */
  static List<LinearTeam> teams(LinearConnection connection, LinearRuntime runtime) {
    LinearGraphQl graphQl = new LinearGraphQl(connection, runtime, Mappers.JSON);
    return LinearCatalog.teams(new Pages(graphQl, runtime.pageSize(), connection.endpoint().toString()));
  }

  /** The configured team (looked up on first use). */
  LinearTeam team();

  /**
   * Attaches a pull request to the Linear issue ({@code attachmentCreate}); Linear shows it in the issue's
   * sidebar. Attaching the same URL again updates the attachment instead of adding another.
   *
   * @param url the pull request's web address
   * @param title what the attachment shows, for example {@code PR #42: Fix checkout crash}
   */
  void linkPullRequest(IssueKey key, String url, String title);
}
