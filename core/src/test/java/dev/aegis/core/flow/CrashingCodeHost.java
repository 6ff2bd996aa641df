package dev.aegis.core.flow;

import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.repo.CommitInfo;
import dev.aegis.core.repo.PullRequest;
import dev.aegis.core.repo.PullRequestDraft;
import java.util.List;
import java.util.Optional;

/** A code host that can make the job die at a chosen call, for crash-and-resume tests. */
final class CrashingCodeHost implements CodeHost {
  private final CodeHost delegate;
  private volatile boolean crashOnPullRequest;

  CrashingCodeHost(CodeHost delegate) {
    this.delegate = delegate;
  }

  /** The next pull request is not opened: the job "dies" right after pushing. */
  void crashOnNextPullRequest() {
    crashOnPullRequest = true;
  }

  @Override
  public PullRequest createPullRequest(PullRequestDraft draft) {
    if (crashOnPullRequest) {
      crashOnPullRequest = false;
      throw new ResumeAfterCrashTest.JobDied("the job crashed before opening the pull request");
    }
    return delegate.createPullRequest(draft);
  }

  @Override
  public String repository() {
    return delegate.repository();
  }

  @Override
  public String defaultBranch() {
    return delegate.defaultBranch();
  }

  @Override
  public Optional<String> branchHead(String branch) {
    return delegate.branchHead(branch);
  }

  @Override
  public CommitInfo commit(String sha) {
    return delegate.commit(sha);
  }

  @Override
  public String createCommit(String tree, List<String> parents, String message) {
    return delegate.createCommit(tree, parents, message);
  }

  @Override
  public boolean createBranch(String branch, String sha) {
    return delegate.createBranch(branch, sha);
  }

  @Override
  public boolean fastForward(String branch, String sha) {
    return delegate.fastForward(branch, sha);
  }

  @Override
  public void deleteBranch(String branch) {
    delegate.deleteBranch(branch);
  }

  @Override
  public Optional<PullRequest> openPullRequest(String branch) {
    return delegate.openPullRequest(branch);
  }
}
