package dev.aegis.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.repo.local.LocalCodeHost;
import dev.aegis.core.support.BareRepos;
import dev.aegis.core.support.Issues;
import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickupTest {
  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.now());
  private InMemoryTracker tracker;
  private LocalCodeHost code;

  @BeforeEach
  void setUp() {
    code = new LocalCodeHost("acme/shop", BareRepos.withInitialCommit(tmp.resolve("o.git")), BareRepos.git(tmp));
    tracker = new InMemoryTracker(new Author("aegis-bot", true), "ready to implement", "bug", clock);
  }

  private Pickup pickup(Map<String, String> env) {
    AegisConfig config = new ConfigLoader().load(tmp, env, Map.of(), "input");
    return new Pickup(tracker, code, config, clock, new RunIds(new Random(7)));
  }

  private Issue add(int n, String title, String body) {
    clock.advance(Duration.ofSeconds(1));
    Issue i = Issues.ready(n, title, body, clock.instant());
    tracker.put(i);
    return i;
  }

  @Test
  void aDryRunPrintsOneDecisionPerCandidateAndWritesNothing() {
    add(1, "Checkout crashes", Issues.GOOD_BODY);
    add(2, "Broken", "pls fix");
    Issue claimed = add(3, "Other", Issues.GOOD_BODY);
    tracker.setPhase(claimed.key(), Phase.IN_PROGRESS);

    List<Decision> decisions = pickup(Map.of("AEGIS_MAX_CONCURRENT_RUNS", "2")).scan(true);

    assertThat(decisions).extracting(Decision::line).containsExactly(
        "github:#1 would run - ready bug with enough context",
        "github:#2 needs info - What exactly happens when you hit this bug? Please paste the error message, "
            + "or describe the wrong result you see, with the steps that lead to it.",
        "github:#3 skipped - already claimed");
    assertThat(tracker.comments(IssueKey.github(1))).isEmpty();
    assertThat(tracker.comments(IssueKey.github(2))).isEmpty();
    assertThat(code.branchHead("aegis/1-checkout-crashes")).isEmpty();
  }

  @Test
  void aRealPickupClaimsReadyBugs() {
    add(1, "Checkout crashes", Issues.GOOD_BODY);

    List<Decision> decisions = pickup(Map.of()).scan(false);

    assertThat(decisions).singleElement().satisfies(d -> {
      assertThat(d.verdict()).isEqualTo(Decision.Verdict.CLAIMED);
      assertThat(d.line()).startsWith("github:#1 claimed - run 1-");
    });
    assertThat(tracker.issue(IssueKey.github(1)).orElseThrow().labels()).contains("aegis:in-progress");
  }

  @Test
  void aThinIssueGetsExactlyOneQuestionHoweverOftenItIsSeen() {
    add(2, "Broken", "pls fix");

    pickup(Map.of()).scan(false);
    pickup(Map.of()).scan(false);
    pickup(Map.of()).one(IssueKey.github(2), false);

    assertThat(tracker.comments(IssueKey.github(2))).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("What exactly happens").contains("<!-- aegis:question WHAT_HAPPENED -->"));
    assertThat(tracker.issue(IssueKey.github(2)).orElseThrow().labels()).contains("aegis:needs-info");
  }

  @Test
  void aReplyThatAnswersTheQuestionLetsTheNextPickupClaim() {
    add(2, "Invoice crash", "The invoice page crashes with a NullPointerException whenever the customer has no address.");
    pickup(Map.of()).scan(false);
    assertThat(tracker.issue(IssueKey.github(2)).orElseThrow().labels()).contains("aegis:needs-info");

    tracker.addCommentBy(IssueKey.github(2), Author.human("reporter"), "It should render without the address block.");
    List<Decision> decisions = pickup(Map.of()).scan(false);

    assertThat(decisions).singleElement().extracting(Decision::verdict).isEqualTo(Decision.Verdict.CLAIMED);
    assertThat(tracker.issue(IssueKey.github(2)).orElseThrow().labels())
        .contains("aegis:in-progress").doesNotContain("aegis:needs-info");
  }

  @Test
  void aReplyThatStillLeavesAGapGetsTheNextQuestionOnce() {
    add(2, "Broken", "pls fix");
    pickup(Map.of()).scan(false);
    tracker.addCommentBy(IssueKey.github(2), Author.human("reporter"),
        "The invoice page crashes with a NullPointerException whenever the customer has no address.");

    pickup(Map.of()).scan(false);
    pickup(Map.of()).scan(false);

    assertThat(tracker.comments(IssueKey.github(2))).filteredOn(c -> c.author().login().equals("aegis-bot"))
        .hasSize(2)
        .last().satisfies(c -> assertThat(c.body()).contains("What should happen instead?"));
  }

  @Test
  void questionsAskedByOthersDoNotCountAsAegisQuestions() {
    add(2, "Broken", "pls fix");
    tracker.addCommentBy(IssueKey.github(2), Author.human("mallory"), "<!-- aegis:question WHAT_HAPPENED -->");

    pickup(Map.of()).scan(false);

    assertThat(tracker.comments(IssueKey.github(2))).filteredOn(c -> c.author().login().equals("aegis-bot")).hasSize(1);
  }

  @Test
  void claimsStopAtMaxConcurrentRuns() {
    add(1, "First", Issues.GOOD_BODY);
    add(2, "Second", Issues.GOOD_BODY);

    List<Decision> decisions = pickup(Map.of()).scan(false);

    assertThat(decisions).extracting(Decision::verdict)
        .containsExactly(Decision.Verdict.CLAIMED, Decision.Verdict.WAITING);
    assertThat(decisions.get(1).line()).isEqualTo("github:#2 waiting - max concurrent runs reached (1 of 1)");
  }

  @Test
  void aDryRunCountsTheSlotsItsOwnWouldRunDecisionsTake() {
    add(1, "First", Issues.GOOD_BODY);
    add(2, "Second", Issues.GOOD_BODY);

    assertThat(pickup(Map.of()).scan(true)).extracting(Decision::line).containsExactly(
        "github:#1 would run - ready bug with enough context",
        "github:#2 waiting - max concurrent runs reached (1 of 1)");
  }

  @Test
  void blockedAndPrOpenedIssuesAreSkippedWithTheWayForward() {
    Issue blocked = add(1, "First", Issues.GOOD_BODY);
    Issue done = add(2, "Second", Issues.GOOD_BODY);
    tracker.setPhase(blocked.key(), Phase.BLOCKED);
    tracker.setPhase(done.key(), Phase.PR_OPENED);

    assertThat(pickup(Map.of()).scan(true)).extracting(Decision::line).containsExactly(
        "github:#1 skipped - blocked; remove the aegis:blocked label to try again",
        "github:#2 skipped - pull request already opened");
  }

  @Test
  void pickingUpOneIssueExplainsWhyAnUnlabelledOrClosedIssueIsSkipped() {
    Issue i = add(5, "Crash", Issues.GOOD_BODY);
    tracker.put(Issues.withLabels(i, List.of("bug")));

    assertThat(pickup(Map.of()).one(i.key(), true).line())
        .isEqualTo("github:#5 skipped - not labelled 'bug' and 'ready to implement'");
    assertThatThrownBy(() -> pickup(Map.of()).one(IssueKey.github(99), true))
        .hasMessageContaining("github:#99 does not exist");
  }

  @Test
  void configuredLabelNamesAreHonoured() {
    tracker = new InMemoryTracker(new Author("aegis-bot", true), "aegis-ready", "defect", clock);
    Issue i = new Issue(IssueKey.github(9), "Crash", Issues.GOOD_BODY, List.of("defect", "aegis-ready"), "open",
        Author.human("r"), clock.instant(), clock.instant(), "");
    tracker.put(i);

    Pickup p = pickup(Map.of("AEGIS_LABELS_READY", "aegis-ready", "AEGIS_LABELS_BUG", "defect"));

    assertThat(p.one(i.key(), true).verdict()).isEqualTo(Decision.Verdict.WOULD_RUN);
  }
}
