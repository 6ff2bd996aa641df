package dev.aegis.core.repo;

import java.util.List;
import java.util.Optional;

/**
 * The git hosting side of a repository (GitHub today): branch refs, commits made through the API, and pull
 * requests. Branch creation and fast-forward updates are atomic on the server; claims rely on that.
 *
 * <p>Every method may throw {@link dev.aegis.core.tracker.TrackerException}.
 */
public interface CodeHost {

  /** {@code owner/name}. */
  String repository();

  /** The repository's default branch name, for example {@code main}. */
  String defaultBranch();

  /**
   * Whether the credentials may push to the repository, when the code host says (GitHub tells a user's token in
   * {@code permissions.push}); empty when it does not say (an installation token), which is not a failure.
   */
  /** The token git should push and fetch with, when the code host holds one (else the environment's). */
  default Optional<String> pushToken() {
    return Optional.empty();
  }

  default Optional<Boolean> canPush() {
    return Optional.empty();
  }

  /** The commit a branch points at, or empty when the branch does not exist. */
  Optional<String> branchHead(String branch);

  /** A commit's metadata; throws when it does not exist. */
  CommitInfo commit(String sha);

  /** Creates a commit object (not moving any branch) and returns its sha. */
  String createCommit(String tree, List<String> parents, String message);

  /**
   * Creates {@code branch} at {@code sha}.
   *
   * @return true when this call created it; false when the branch already existed (someone else won)
   */
  boolean createBranch(String branch, String sha);

  /**
   * Moves {@code branch} to {@code sha} only if that is a fast-forward from where it is now.
   *
   * @return true when moved; false when the branch moved meanwhile or the update is not a fast-forward
   */
  boolean fastForward(String branch, String sha);

  /**
   * The branches whose name starts with {@code prefix} (for example {@code aegis/}), in name order, for
   * {@code aegis disconnect}. Empty when this host cannot list branches; the default.
   */
  default Optional<List<String>> branchesStartingWith(String prefix) {
    return Optional.empty();
  }

  /** Deletes a branch; does nothing when it does not exist. */
  void deleteBranch(String branch);

  /** The open pull request whose head is {@code branch}, if any. */
  Optional<PullRequest> openPullRequest(String branch);

  /**
   * Opens a pull request and labels it. When one is already open from the same head branch (a job that
   * crashed after opening it, possibly before labelling it), that one is labelled and returned instead: one
   * branch, one pull request.
   *
   * @throws PullRequestRefusedException when a repository setting forbids this token to open pull requests
   *     (GitHub: "Allow GitHub Actions to create and approve pull requests" is off)
   */
  PullRequest createPullRequest(PullRequestDraft draft);
}
