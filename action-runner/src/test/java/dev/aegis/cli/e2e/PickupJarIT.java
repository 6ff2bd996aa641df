package dev.aegis.cli.e2e;

import static dev.aegis.cli.e2e.SampleBug.BODY;
import static dev.aegis.cli.e2e.SampleBug.READY;
import static dev.aegis.cli.e2e.SampleBug.THIN_BODY;
import static dev.aegis.cli.e2e.SampleBug.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aegis pickup} from a maintainer's terminal, through the fat jar, against the fake GitHub. */
class PickupJarIT extends OnFakeSite {
  int ready;
  int thin;

  @BeforeEach
  void twoReadyBugs() {
    ready = repo.addIssue(TITLE, BODY, "octocat", "bug", READY);
    thin = repo.addIssue("Broken", THIN_BODY, "octocat", "bug", READY);
  }

  private AegisProcess.Result pickup(String... extra) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    String[] args = new String[extra.length + 5];
    args[0] = "pickup";
    args[1] = "--repo";
    args[2] = repo.fullName();
    args[3] = "--api-url";
    args[4] = site.fake.apiUrl();
    System.arraycopy(extra, 0, args, 5, extra.length);
    Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", home.toString(),
        "GITHUB_TOKEN", FakeSite.TOKEN);
    return new AegisProcess(env, dir, dir, args).run();
  }

  @Test
  void aDryRunPrintsOneDecisionLinePerCandidateAndWritesNothing() throws Exception {
    AegisProcess.Result r = pickup("--dry-run");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines()).containsSubsequence(
        "github:#" + ready + " would run - ready bug with enough context",
        "github:#" + thin + " needs info - What exactly happens when you hit this bug? Please paste the error "
            + "message, or describe the wrong result you see, with the steps that lead to it.");
    assertThat(r.out() + r.err()).doesNotContain(FakeSite.TOKEN);
    assertThat(on.writes()).isEmpty();
  }

  @Test
  void pickupClaimsAndAsksButNeverRunsTheAgent() throws Exception {
    AegisProcess.Result r = pickup();

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("github:#" + ready + " claimed - run ", "github:#" + thin + " needs info - ");
    assertThat(on.statusComments(ready)).singleElement()
        .satisfies(c -> assertThat(Observed.stateOf(c).path("phase").asText()).isEqualTo("IN_PROGRESS"));
    assertThat(on.aegisLabels(ready)).containsExactly("aegis:in-progress");
    assertThat(on.aegisLabels(thin)).containsExactly("aegis:needs-info");
    assertThat(on.aegisBranches()).containsExactly("refs/heads/" + SampleBug.BRANCH);
  }
}
