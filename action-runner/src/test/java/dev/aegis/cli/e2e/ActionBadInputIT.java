package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.cli.ExitCodes;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code aegis action} through the fat jar with bad input: each case fails (or stands aside) with a clear
 * message and its documented exit code, and the fake GitHub shows that nothing was written. Every case starts
 * from a ready bug with enough context, so a check that let the input through would claim it.
 */
class ActionBadInputIT extends OnFakeSite {
  FakeGitHub fake;
  ActionsJob job;

  @BeforeEach
  void readyBug() {
    fake = site.fake;
    site.seed(readyEvent());
    job = job();
    fake.clearRequests();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"action\": \"labeled\", \"issue\": {\"number\": 1,", "[]", "{\"action\": \"labeled\"}"})
  void aMalformedEventFailsWithExit2AndWritesNothing(String payload) {
    AegisProcess.Result r = job.eventText("issues", payload).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).contains("::error title=Aegis::Malformed event: the issues", "Nothing was changed.");
    assertThat(job.summary()).contains("### Aegis failed", "Malformed event");
    assertThat(on.writes()).isEmpty();
  }

  @Test
  void outsideActionsWithoutAnEventItSaysHowToTryAegis() {
    AegisProcess.Result r = job.env("GITHUB_EVENT_NAME", null).env("GITHUB_EVENT_PATH", null).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).contains("GITHUB_EVENT_NAME", "aegis pickup --dry-run");
    assertThat(on.writes()).isEmpty();
  }

  @Test
  void anEventAegisDoesNotHandleIsIgnoredWithExit0() throws IOException {
    AegisProcess.Result r = job.event("push", retargeted("events/push.json")).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Nothing to do: the push event is not one Aegis handles.");
    assertThat(job.outputs()).containsEntry("decision", "ignored: the push event is not one Aegis handles");
    assertThat(job.summary()).contains("Nothing to do");
    assertThat(on.writes()).isEmpty();
  }

  @ParameterizedTest(name = "GITHUB_TOKEN=''{0}''")
  @NullAndEmptySource
  void withoutATokenItFailsWithExit3NamingTheVariable(String value) {
    AegisProcess.Result r = job.env("GITHUB_TOKEN", value).event("issues", readyEvent()).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.out()).contains("::error title=Aegis::environment variable GITHUB_TOKEN", "is not set");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void anUnknownKeyInTheConfigFileIsNamedWithTheFile() throws IOException {
    Path file = config("labels:\n  ready: ready to implement\nmdoe: auto\n");

    AegisProcess.Result r = job.event("issues", readyEvent()).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.out()).contains("::error title=Aegis::" + file + ": 'mdoe' is not a known key (did you mean 'mode'?)");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void aBadValueInTheConfigFileIsNamedWithTheFile() throws IOException {
    Path file = config("max-concurrent-runs: lots\n");

    AegisProcess.Result r = job.event("issues", readyEvent()).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.out()).contains("::error title=Aegis::" + file + ": 'max-concurrent-runs' ");
    assertThat(fake.requests()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dependabot[bot]", FakeGitHub.ACTIONS_BOT})
  void aCommandCommentByABotIsIgnoredWithoutAnyRequest(String bot) {
    ObjectNode event = Payloads.commentBy(repo, bot, "/aegis proceed 1-abc123");
    fake.seedFromEvent(event);
    fake.clearRequests();

    AegisProcess.Result r = job.event("issue_comment", event).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(fake.requests()).isEmpty();
    assertThat(r.out()).contains("Nothing to do: comment by " + bot + " (bots and Aegis itself are ignored).");
  }

  @Test
  void aCommentByAegisOwnIdentityIsIgnoredEvenWhenItIsNoBot() {
    // A machine user's token (a person-type account) as configured with github.login.
    ObjectNode event = Payloads.commentBy(repo, "aegis-machine", "/aegis proceed 1-abc123");
    fake.seedFromEvent(event);
    fake.clearRequests();

    AegisProcess.Result r = job.env("AEGIS_GITHUB_LOGIN", "aegis-machine").event("issue_comment", event).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(fake.requests()).isEmpty();
    assertThat(r.out()).contains("Nothing to do: comment by aegis-machine (bots and Aegis itself are ignored).");
  }

  @Test
  void aCommandCommentByAPersonDoesReachTheTracker() {
    // The control for the bot case: the same comment from a person is read and answered.
    ObjectNode event = Payloads.commentBy(repo, "Codertocat", "/aegis proceed 1-abc123");
    fake.seedFromEvent(event);
    fake.clearRequests();

    AegisProcess.Result r = job.event("issue_comment", event).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(on.requests()).isNotEmpty();
  }

  @Test
  void aTokenWithoutWriteAccessFailsWithExit4AndChangesNothing() {
    repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.READ);

    AegisProcess.Result r = job.event("issues", readyEvent()).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(r.out()).contains("::error title=Aegis::");
    assertThat(on.writes()).allSatisfy(w -> assertThat(w.status()).isGreaterThanOrEqualTo(400));
    assertUnchanged();
  }

  @Test
  void aRevokedTokenFailsWithExit4AndChangesNothing() {
    String revoked = fake.newToken(FakeGitHub.ACTIONS_BOT);
    fake.revokeToken(revoked);

    AegisProcess.Result r = job.env("GITHUB_TOKEN", revoked).event("issues", readyEvent()).run();

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(r.out()).contains("::error title=Aegis::");
    assertThat(on.writes()).isEmpty();
    assertUnchanged();
  }

  @Test
  void aRateLimitedTokenFailsWithExit5AndChangesNothing() {
    fake.setRateLimit(FakeGitHub.ACTIONS_BOT, 0, Instant.now().plus(Duration.ofHours(1)));
    try {
      AegisProcess.Result r = job.event("issues", readyEvent()).run();

      assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.REMOTE);
      assertThat(r.out()).containsPattern("::error title=Aegis::GitHub rate limit reached while [^;\\n]+; "
          + "retry after \\d+ s\\. The next run will retry\\.\\n");
      assertThat(on.writes()).allSatisfy(w -> assertThat(w.status()).isGreaterThanOrEqualTo(400));
      assertUnchanged();
    } finally {
      fake.setRateLimit(FakeGitHub.ACTIONS_BOT, 5000, Instant.now().plus(Duration.ofHours(1)));
    }
  }

  @Test
  void pausedByTheActionInputItDoesNothingAndExits0() {
    AegisProcess.Result r = job.env("AEGIS_MAX_CONCURRENT_RUNS", "0").event("issues", readyEvent()).run();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Aegis is paused");
    assertThat(fake.requests()).isEmpty();
  }

  private void assertUnchanged() {
    assertThat(repo.comments(1)).isEmpty();
    assertThat(on.aegisLabels(1)).isEmpty();
    assertThat(on.aegisBranches()).isEmpty();
  }

  private ObjectNode readyEvent() {
    return Payloads.labeled(repo, SampleBug.TITLE, SampleBug.BODY, "bug", SampleBug.READY);
  }

  private Path config(String yaml) throws IOException {
    Path file = job.workspace().resolve(".aegis/config.yml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  private ObjectNode retargeted(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(in);
      ObjectNode repository = (ObjectNode) payload.path("repository");
      repository.put("full_name", repo.fullName());
      repository.put("name", repo.fullName().split("/")[1]);
      return payload;
    }
  }
}
