package dev.aegis.core.tracker.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the Linear tracker answers the questions Pickup and the flow ask: ready or not, which phase, linked PRs. */
class LinearPhasesTest {
  private final LinearFixture fx = new LinearFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private Issue read(LinearTracker tracker, String id) {
    return tracker.issue(new IssueKey("linear", id)).orElseThrow();
  }

  @Test
  void aReadyBugIsReadyAndEachMissingSignalIsNamed() {
    LinearTracker tracker = fx.tracker(fx.settings().withReady("Todo", "ready to implement"));
    String ready = fx.readyBug("ready");
    String noBug = fx.linear.issue(fx.eng, fx.reporter, "feature").labels("ready to implement").create();
    String backlog = fx.linear.issue(fx.eng, fx.reporter, "later").labels("Bug", "ready to implement")
        .state("Backlog").create();
    String done = fx.linear.issue(fx.eng, fx.reporter, "done").labels("Bug", "ready to implement")
        .state("Done").create();

    assertThat(tracker.notReady(read(tracker, ready))).isEmpty();
    assertThat(tracker.notReady(read(tracker, noBug))).contains("not labelled 'Bug'");
    assertThat(tracker.notReady(read(tracker, backlog))).contains("not in state 'Todo'");
    assertThat(tracker.notReady(read(tracker, done))).contains("issue is Done");
  }

  @Test
  void aStateNamedLikeALabelIsNotMistakenForTheLabel() {
    fx.linear.state(fx.eng, "ready to implement", "unstarted");
    LinearTracker tracker = fx.tracker();
    String id = fx.linear.issue(fx.eng, fx.reporter, "x").labels("Bug").state("ready to implement").create();

    assertThat(tracker.notReady(read(tracker, id))).contains("not labelled 'ready to implement'");
  }

  @Test
  void thePhaseIsReadFromItsLabelOrForAStateOnlyPhaseFromTheState() {
    LinearTracker tracker = fx.tracker(fx.settings()
        .withPhase(Phase.IN_PROGRESS, new PhaseTarget("In Progress", "aegis:in-progress"))
        .withPhase(Phase.PR_OPENED, PhaseTarget.state("In Review")));
    String id = fx.readyBug("x");
    IssueKey key = new IssueKey("linear", id);

    assertThat(tracker.phaseOf(read(tracker, id))).isEqualTo(Phase.NONE);
    tracker.setPhase(key, Phase.IN_PROGRESS);
    assertThat(tracker.phaseOf(read(tracker, id))).isEqualTo(Phase.IN_PROGRESS);
    assertThat(tracker.inPhase(read(tracker, id), Phase.IN_PROGRESS)).isTrue();
    tracker.setPhase(key, Phase.PR_OPENED);
    Issue inReview = read(tracker, id);
    assertThat(inReview.state()).isEqualTo("In Review");
    assertThat(tracker.phaseOf(inReview)).isEqualTo(Phase.PR_OPENED);
    assertThat(tracker.inPhase(inReview, Phase.PR_OPENED)).isTrue();
    assertThat(tracker.inPhase(inReview, Phase.IN_PROGRESS)).as("its label is gone").isFalse();
  }

  @Test
  void aPersonMovingTheStateDoesNotTakeTheIssueOutOfItsLabelledPhase() {
    LinearTracker tracker = fx.tracker(fx.settings()
        .withPhase(Phase.PR_OPENED, new PhaseTarget("In Review", "aegis:pr-opened")));
    String id = fx.linear.issue(fx.eng, fx.reporter, "merged").labels("Bug", "aegis:pr-opened").state("Done").create();

    assertThat(tracker.phaseOf(read(tracker, id))).isEqualTo(Phase.PR_OPENED);
    assertThat(tracker.inPhase(read(tracker, id), Phase.PR_OPENED))
        .as("Aegis restores labels, never moves a state back").isTrue();
  }

  @Test
  void linkingThePullRequestTwiceLeavesOneAttachment() {
    LinearTracker tracker = fx.tracker();
    String id = fx.readyBug("x");
    Tracker_ seam = new Tracker_(tracker);

    seam.link(new IssueKey("linear", id), "https://github.com/acme/shop/pull/7");
    seam.link(new IssueKey("linear", id), "https://github.com/acme/shop/pull/7");

    assertThat(fx.linear.snapshot(id).attachmentUrls()).containsExactly("https://github.com/acme/shop/pull/7");
  }

  /** Calls through the tracker seam, as the flow does. */
  private record Tracker_(dev.aegis.core.tracker.Tracker tracker) {
    void link(IssueKey key, String url) {
      tracker.linkPullRequest(key, url, "PR #7: fix: x");
    }
  }

  @Test
  void notReadyNeedsNoRequestBeyondTheCatalog() {
    LinearTracker tracker = fx.tracker();
    String id = fx.readyBug("x");
    Issue issue = read(tracker, id);
    long before = fx.linear.requests().size();

    List.of(1, 2, 3).forEach(i -> tracker.notReady(issue));

    assertThat(fx.linear.requests().size()).isEqualTo(before);
  }
}
