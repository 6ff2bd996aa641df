package dev.aegis.core.tracker.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.linear.FakeTeam;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinearTrackerTest {
  private final LinearFixture fx = new LinearFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void readyIssuesAreTheTeamsOpenBugsWithTheReadySignalOldestFirst() {
    String first = fx.readyBug("Checkout crashes");
    fx.linear.issue(fx.eng, fx.reporter, "Not ready yet").labels("Bug").create();
    fx.linear.issue(fx.eng, fx.reporter, "A feature").labels("Feature", "ready to implement").create();
    String done = fx.readyBug("Already fixed");
    fx.linear.issue(fx.eng, fx.reporter, "Closed").labels("Bug", "ready to implement").state("Done").create();
    FakeTeam ops = fx.linear.team("OPS", "Operations");
    fx.linear.issue(ops, fx.reporter, "Other team").labels("Bug", "ready to implement").create();

    List<Issue> ready = fx.tracker().readyIssues();

    assertThat(ready).extracting(i -> i.key().display()).containsExactly("linear:" + first, "linear:" + done);
    Issue issue = ready.get(0);
    assertThat(issue.title()).isEqualTo("Checkout crashes");
    assertThat(issue.body()).contains("cart is empty");
    assertThat(issue.state()).isEqualTo("Todo");
    assertThat(issue.labels()).containsExactlyInAnyOrder("Bug", "ready to implement", "Todo");
    assertThat(issue.author().login()).isEqualTo("rick@example.com");
    assertThat(issue.url()).contains(first);
    assertThat(issue.key().slugBase()).isEqualTo("eng-1");
  }

  @Test
  void anIssueMarkedDuplicateIsClosedLikeDoneAndCanceled() {
    String open = fx.readyBug("Checkout crashes");
    List<String> closed = new java.util.ArrayList<>();
    for (String state : List.of("Done", "Canceled", "Duplicate")) {
      closed.add(fx.linear.issue(fx.eng, fx.reporter, state).labels("Bug", "ready to implement").state(state).create());
    }
    fx.linear.state(fx.eng, "Same as ENG-1", "duplicate");
    closed.add(fx.linear.issue(fx.eng, fx.reporter, "Renamed").labels("Bug", "ready to implement", "aegis:blocked")
        .state("Same as ENG-1").create());
    LinearTracker tracker = fx.tracker();

    assertThat(tracker.readyIssues()).extracting(i -> i.key().id()).containsExactly(open);
    assertThat(tracker.issuesIn(Phase.BLOCKED)).as("a closed issue is in no phase").isEmpty();
    assertThat(tracker.notReady(tracker.issue(new IssueKey("linear", closed.get(2))).orElseThrow()))
        .contains("issue is Duplicate");
    assertThat(tracker.notReady(tracker.issue(new IssueKey("linear", closed.get(3))).orElseThrow()))
        .contains("issue is Same as ENG-1");
  }

  @Test
  void readyIssuesAreFilteredOnTheServerAndPagedWithCursors() {
    for (int i = 1; i <= 200; i++) {
      if (i % 5 < 3) {
        fx.readyBug("ready " + i);
      } else {
        fx.linear.issue(fx.eng, fx.reporter, "noise " + i).labels("Feature").create();
      }
    }

    List<Issue> ready = fx.tracker().readyIssues();

    assertThat(ready).hasSize(120);
    assertThat(fx.linear.requests("issues")).as("120 matches in pages of 50; 200 issues would need 4").isEqualTo(3);
    assertThat(ready).extracting(Issue::createdAt).isSorted();
    assertThat(ready).extracting(Issue::title).allMatch(t -> t.startsWith("ready"));
  }

  @Test
  void aReadyStateWorksAloneOrTogetherWithTheReadyLabel() {
    fx.linear.state(fx.eng, "Ready for Aegis", "unstarted");
    String byState = fx.linear.issue(fx.eng, fx.reporter, "state only").labels("Bug").state("Ready for Aegis")
        .create();
    String both = fx.linear.issue(fx.eng, fx.reporter, "both").labels("Bug", "ready to implement")
        .state("Ready for Aegis").create();
    fx.readyBug("label only");

    List<Issue> stateOnly = fx.tracker(fx.settings().withReady("Ready for Aegis", null)).readyIssues();
    List<Issue> stateAndLabel =
        fx.tracker(fx.settings().withReady("Ready for Aegis", "ready to implement")).readyIssues();

    assertThat(stateOnly).extracting(i -> i.key().id()).containsExactly(byState, both);
    assertThat(stateAndLabel).extracting(i -> i.key().id()).containsExactly(both);
    assertThat(stateOnly.get(0).hasLabel("Ready for Aegis")).as("the state reads like a label").isTrue();
  }

  @Test
  void setPhaseMovesTheIssueToTheConfiguredStateAndSwapsOnlyAegisLabels() {
    String id = fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker(fx.settings()
        .withPhase(Phase.IN_PROGRESS, new PhaseTarget("In Progress", "aegis:in-progress"))
        .withPhase(Phase.PR_OPENED, new PhaseTarget("In Review", "aegis:pr-opened")));
    IssueKey key = new IssueKey("linear", id);

    tracker.setPhase(key, Phase.IN_PROGRESS);
    assertThat(fx.linear.snapshot(id).state()).isEqualTo("In Progress");
    assertThat(fx.linear.snapshot(id).labels()).containsExactlyInAnyOrder(
        "Bug", "ready to implement", "aegis:in-progress");

    tracker.setPhase(key, Phase.PR_OPENED);
    assertThat(fx.linear.snapshot(id).state()).isEqualTo("In Review");
    assertThat(fx.linear.snapshot(id).labels()).containsExactlyInAnyOrder(
        "Bug", "ready to implement", "aegis:pr-opened");
    assertThat(tracker.issuesIn(Phase.PR_OPENED)).extracting(i -> i.key().id()).containsExactly(id);
    assertThat(tracker.issuesIn(Phase.IN_PROGRESS)).isEmpty();
  }

  @Test
  void phaseNoneClearsAegisLabelsAndLeavesTheStateAlone() {
    String id = fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker();
    IssueKey key = new IssueKey("linear", id);
    tracker.setPhase(key, Phase.BLOCKED);

    tracker.setPhase(key, Phase.NONE);

    assertThat(fx.linear.snapshot(id).labels()).containsExactlyInAnyOrder("Bug", "ready to implement");
    assertThat(fx.linear.snapshot(id).state()).isEqualTo("Todo");
  }

  @Test
  void aPhaseMappedToAStateOnlyIsFoundByThatState() {
    String id = fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker(fx.settings().withPhase(Phase.BLOCKED, PhaseTarget.state("Backlog")));

    tracker.setPhase(new IssueKey("linear", id), Phase.BLOCKED);

    assertThat(fx.linear.snapshot(id).state()).isEqualTo("Backlog");
    assertThat(tracker.issuesIn(Phase.BLOCKED)).extracting(i -> i.key().id()).containsExactly(id);
  }

  @Test
  void withdrawingTheReadySignalRemovesTheLabelAndMovesTheIssueOutOfTheReadyState() {
    fx.linear.state(fx.eng, "Ready for Aegis", "unstarted");
    String id = fx.linear.issue(fx.eng, fx.reporter, "x").labels("Bug", "ready to implement")
        .state("Ready for Aegis").create();
    LinearTracker tracker = fx.tracker(fx.settings().withReady("Ready for Aegis", "ready to implement"));

    tracker.withdrawReady(new IssueKey("linear", id));

    assertThat(fx.linear.snapshot(id).labels()).containsExactly("Bug");
    assertThat(fx.linear.snapshot(id).state()).isEqualTo("Backlog");
    assertThat(tracker.readyIssues()).isEmpty();
  }

  @Test
  void commentsAreAddedEditedAndListedOldestFirstAcrossPages() {
    String id = fx.readyBug("Checkout crashes");
    for (int i = 0; i < 60; i++) {
      fx.linear.comment(id, fx.reporter, "note " + i);
    }
    LinearTracker tracker = fx.tracker();
    IssueKey key = new IssueKey("linear", id);

    IssueComment status = tracker.addComment(key, "Aegis is on it.\n<!-- aegis:state {\"run\":\"r1\"} -->");
    tracker.editComment(key, status.id(), "Aegis found the cause.\n<!-- aegis:state {\"run\":\"r1\"} -->");
    List<IssueComment> comments = tracker.comments(key);

    assertThat(status.author().login()).isEqualTo("aegis@example.com");
    assertThat(status.author()).isEqualTo(tracker.self());
    assertThat(comments).hasSize(61);
    assertThat(comments.get(0).body()).isEqualTo("note 0");
    assertThat(comments.get(60).body()).as("Linear keeps no HTML comment").isEqualTo("Aegis found the cause.");
    assertThat(fx.linear.snapshot(id).comments().get(60).edited()).isTrue();
    assertThat(fx.linear.requests("issue")).as("61 comments in pages of 50").isEqualTo(2);
  }

  @Test
  void commentsSinceReturnsTheTeamsCommentsFromThatInstantOn() {
    String id = fx.readyBug("Checkout crashes");
    FakeTeam ops = fx.linear.team("OPS", "Operations");
    String other = fx.linear.issue(ops, fx.reporter, "elsewhere").create();
    fx.linear.comment(id, fx.reporter, "old");
    fx.linearClock.advance(java.time.Duration.ofHours(1));
    java.time.Instant since = fx.linearClock.instant();
    fx.linear.comment(id, fx.maintainer, "/aegis proceed eng-1-r1");
    fx.linear.comment(other, fx.maintainer, "not our team");

    List<dev.aegis.core.tracker.Tracker.KeyedComment> fresh = fx.tracker().commentsSince(since);

    assertThat(fresh).hasSize(1);
    assertThat(fresh.get(0).issue()).isEqualTo(new IssueKey("linear", id));
    assertThat(fresh.get(0).comment().author().login()).isEqualTo("maya@example.com");
    assertThat(fresh.get(0).comment().body()).isEqualTo("/aegis proceed eng-1-r1");
  }

  @Test
  void approversMayCommandByEmailOrUserIdAndNobodyElseMay() {
    String id = fx.readyBug("Checkout crashes");
    IssueKey key = new IssueKey("linear", id);
    LinearTracker byEmail = fx.tracker(fx.settings().withApprovers(List.of("MAYA@example.com")));
    LinearTracker byId = fx.tracker(fx.settings().withApprovers(List.of(fx.maintainer.id())));
    LinearTracker nobody = fx.tracker(fx.settings().withApprovers(List.of()));

    assertThat(byEmail.permission(key, "maya@example.com").mayCommand()).isTrue();
    assertThat(byEmail.permission(key, fx.maintainer.id()).mayCommand()).isTrue();
    assertThat(byId.permission(key, "maya@example.com").mayCommand()).isTrue();
    assertThat(byId.permission(key, "rick@example.com").mayCommand()).isFalse();
    assertThat(byEmail.permission(key, fx.reporter.id()).mayCommand()).isFalse();
    assertThat(nobody.permission(key, "maya@example.com").mayCommand()).isFalse();
  }

  @Test
  void reactingTwiceLeavesOneReaction() {
    String id = fx.readyBug("Checkout crashes");
    String comment = fx.linear.comment(id, fx.maintainer, "/aegis proceed eng-1-r1");
    LinearTracker tracker = fx.tracker();
    IssueKey key = new IssueKey("linear", id);

    tracker.react(key, comment, dev.aegis.core.tracker.Reaction.EYES);
    tracker.react(key, comment, dev.aegis.core.tracker.Reaction.EYES);

    assertThat(fx.linear.snapshot(id).comments().get(0).reactions()).containsExactly("\uD83D\uDC40");
  }

  @Test
  void aPullRequestIsAttachedOnceEvenWhenLinkedTwice() {
    String id = fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker();
    IssueKey key = new IssueKey("linear", id);

    tracker.linkPullRequest(key, "https://github.com/acme/shop/pull/42", "PR #42: Fix checkout crash");
    tracker.linkPullRequest(key, "https://github.com/acme/shop/pull/42", "PR #42: Fix checkout crash (v2)");

    assertThat(fx.linear.snapshot(id).attachmentUrls()).containsExactly("https://github.com/acme/shop/pull/42");
  }

  @Test
  void deletedTrashedAndMovedIssuesAreEmpty() {
    String deleted = fx.readyBug("deleted");
    String trashed = fx.readyBug("trashed");
    FakeTeam ops = fx.linear.team("OPS", "Operations");
    String otherTeam = fx.linear.issue(ops, fx.reporter, "other team").create();
    String alive = fx.readyBug("alive");
    fx.linear.delete(deleted);
    fx.linear.trash(trashed);
    LinearTracker tracker = fx.tracker();

    assertThat(tracker.issue(new IssueKey("linear", deleted))).isEmpty();
    assertThat(tracker.issue(new IssueKey("linear", trashed))).isEmpty();
    assertThat(tracker.issue(new IssueKey("linear", otherTeam))).isEmpty();
    assertThat(tracker.issue(new IssueKey("linear", alive))).map(Issue::title).contains("alive");
    assertThat(tracker.readyIssues()).extracting(i -> i.key().id()).containsExactly(alive);
  }

  @Test
  void movingADeletedIssueFailsWithNotFound() {
    String id = fx.readyBug("deleted");
    fx.linear.delete(id);

    assertThatThrownBy(() -> fx.tracker().setPhase(new IssueKey("linear", id), Phase.IN_PROGRESS))
        .isInstanceOf(TrackerException.class)
        .hasMessageContaining(id)
        .extracting(e -> ((TrackerException) e).status()).isEqualTo(404);
  }

  @Test
  void selfIsTheApiKeysUserAndMustMatchAConfiguredIdentity() {
    assertThat(fx.tracker().self().login()).isEqualTo("aegis@example.com");
    assertThat(fx.tracker(fx.settings().withIdentity("aegis@example.com")).self().login())
        .isEqualTo("aegis@example.com");

    assertThatThrownBy(() -> fx.tracker(fx.settings().withIdentity("bot@example.com")).self())
        .isInstanceOf(LinearConfigException.class)
        .hasMessageContaining("LINEAR_API_KEY belongs to aegis@example.com")
        .hasMessageContaining("linear.identity");
  }

  @Test
  void aGitHubKeyIsRefused() {
    assertThatThrownBy(() -> fx.tracker().issue(IssueKey.github(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("github:#3");
  }
}
