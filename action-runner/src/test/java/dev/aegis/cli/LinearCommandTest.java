package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.testkit.linear.FakeLinear;
import dev.aegis.testkit.linear.FakeUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis linear teams}: pick the team by name, no UUID hunting. */
class LinearCommandTest {
  @TempDir Path dir;
  final FakeLinear linear = FakeLinear.start();
  final FakeUser aegis = linear.user("Aegis Bot", "aegis@example.com");

  LinearCommandTest() {
    linear.team("ENG", "Engineering");
    linear.team("OPS", "Operations");
  }

  @AfterEach
  void close() {
    linear.close();
  }

  private CliRun run(String key, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("AEGIS_LINEAR_API_URL", linear.endpoint().toString());
    if (key != null) {
      env.put("LINEAR_API_KEY", key);
    }
    return CliRun.of(env, dir, CoreEntry::new, args);
  }

  @Test
  void teamsAreListedAsNameAndKeyWithWhatToSetNext() {
    CliRun r = run(aegis.apiKey(), "linear", "teams");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsSubsequence("Engineering (ENG)", "Operations (OPS)");
    assertThat(r.out()).contains("Set linear.team");
  }

  @Test
  void theConfiguredTeamIsConfirmedByNameOrKey() throws Exception {
    Files.createDirectories(dir.resolve(".aegis"));
    Files.writeString(dir.resolve(".aegis/config.yml"), "trackers: [linear]\nlinear:\n  team: engineering\n");

    CliRun r = run(aegis.apiKey(), "linear", "teams");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("linear.team 'engineering' is Engineering (ENG).");
  }

  @Test
  void anUnknownConfiguredTeamIsAConfigErrorListingTheChoices() throws Exception {
    Files.createDirectories(dir.resolve(".aegis"));
    Files.writeString(dir.resolve(".aegis/config.yml"), "linear:\n  team: Platform\n");

    CliRun r = run(aegis.apiKey(), "linear", "teams");

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("'Platform'", "Engineering (ENG), Operations (OPS)");
  }

  @Test
  void aRefusedKeyExits4AndAMissingKeyExits3() {
    CliRun refused = run("lin_api_nope", "linear", "teams");
    CliRun missing = run(null, "linear", "teams");

    assertThat(refused.exit()).isEqualTo(ExitCodes.AUTH);
    assertThat(refused.err()).contains("LINEAR_API_KEY").doesNotContain("lin_api_nope");
    assertThat(missing.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(missing.err()).contains("LINEAR_API_KEY", "is not set");
  }
}
