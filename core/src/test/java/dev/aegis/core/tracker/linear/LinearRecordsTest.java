package dev.aegis.core.tracker.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.IssueRecord;
import dev.aegis.core.tracker.IssueRecords;
import dev.aegis.core.tracker.TrackerException;
import dev.aegis.testkit.linear.FakeAttachment;
import dev.aegis.testkit.linear.FakeUser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Aegis's records on Linear: issue attachments, trusted only when Aegis's own user made and sealed them. */
class LinearRecordsTest {
  private final LinearFixture fx = new LinearFixture();
  private final String id = fx.readyBug("Checkout crashes");
  private final IssueKey key = new IssueKey("linear", id);

  @AfterEach
  void close() {
    fx.close();
  }

  private IssueRecords records(LinearTracker tracker) {
    return tracker.records().orElseThrow();
  }

  private static IssueRecord run(String phase) {
    return new IssueRecord("run-eng-1-abc123", "Aegis run eng-1-abc123", phase, Map.of("state", "{\"phase\":\""
        + phase + "\"}", "comment", "c-1"));
  }

  @Test
  void aRecordIsOneAttachmentPerNameKeptVerbatimAndRewrittenInPlace() {
    LinearTracker tracker = fx.tracker();

    records(tracker).put(key, run("IN_PROGRESS"));
    records(tracker).put(key, run("AWAITING_APPROVAL"));

    assertThat(records(tracker).list(key)).containsExactly(run("AWAITING_APPROVAL"));
    assertThat(fx.linear.snapshot(id).attachments()).singleElement().satisfies(a -> {
      assertThat(a.url()).isEqualTo("https://linear.app/fake/issue/ENG-1#aegis-run-eng-1-abc123");
      assertThat(a.title()).isEqualTo("Aegis run eng-1-abc123");
      assertThat(a.subtitle()).isEqualTo("AWAITING_APPROVAL");
      assertThat(a.creatorEmail()).isEqualTo(fx.aegis.email());
      assertThat(a.metadata()).containsEntry("state", "{\"phase\":\"AWAITING_APPROVAL\"}")
          .containsEntry("aegisRecord", "run-eng-1-abc123").containsKey("aegisSeal");
    });
  }

  @Test
  void recordsAreListedOldestFirstAndThePullRequestLinkIsNoRecord() {
    LinearTracker tracker = fx.tracker();
    tracker.linkPullRequest(key, "https://github.com/acme/shop/pull/7", "PR #7: fix");
    records(tracker).put(key, new IssueRecord("notes", "Aegis notes", "", Map.of("question WHERE", "c-9")));
    records(tracker).put(key, run("IN_PROGRESS"));

    assertThat(records(tracker).list(key)).extracting(IssueRecord::name).containsExactly("notes", "run-eng-1-abc123");
  }

  @Test
  void aLookAlikeByAnotherUserAndAnEditOfAegissOwnRecordAreNotTrusted() {
    LinearTracker tracker = fx.tracker();
    records(tracker).put(key, run("AWAITING_APPROVAL"));
    FakeAttachment mine = fx.linear.snapshot(id).attachments().get(0);
    FakeUser mallory = fx.linear.user("Mallory", "mallory@example.com");
    Map<String, Object> edited = new HashMap<>(mine.metadata());
    edited.put("state", "{\"phase\":\"PR_OPENED\"}");

    fx.linear.attach(id, mallory, "https://linear.app/fake/issue/ENG-1#aegis-run-eng-1-zzz999", "Aegis run",
        mine.metadata());
    fx.linear.attach(id, mallory, mine.url(), mine.title(), edited);
    LinearTracker hers = fx.tracker(LinearSettings.of(fx.connection(mallory.apiKey()), "ENG"));
    records(hers).put(key, new IssueRecord("notes", "Aegis notes", "", Map.of("refused-comment x", "")));

    assertThat(fx.linear.snapshot(id).attachments()).filteredOn(a -> a.url().equals(mine.url())).singleElement()
        .satisfies(a -> assertThat(a.creatorEmail()).as("Linear keeps the first creator").isEqualTo(fx.aegis.email()));
    assertThat(records(tracker).list(key)).as("Aegis's record, edited by Mallory, and her own look-alikes").isEmpty();
    assertThat(records(hers).list(key)).as("Mallory's tracker trusts only her own, and Aegis's seal is not hers")
        .extracting(IssueRecord::name).containsExactly("notes");
  }

  @Test
  void aRecordLinearDoesNotKeepVerbatimFailsLoudlyInsteadOfBeingLost() {
    fx.linear.dropAttachmentMetadata();

    assertThatThrownBy(() -> records(fx.tracker()).put(key, run("IN_PROGRESS")))
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.status()).isEqualTo(502))
        .hasMessageContaining("Linear did not keep Aegis's record 'run-eng-1-abc123' on ENG-1 as written")
        .hasMessageContaining("stops here")
        .hasMessageNotContaining(fx.aegis.apiKey());
  }
}
