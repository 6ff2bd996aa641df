package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.github.FakeRepository;
import dev.aegis.testkit.github.Role;
import dev.aegis.testkit.linear.FakeLinear;
import dev.aegis.testkit.linear.FakeTeam;
import dev.aegis.testkit.linear.FakeUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar as a process: {@code aegis pickup --dry-run} against a fake GitHub and a fake Linear at once. */
class LinearPickupIT {
  @TempDir Path dir;

  @Test
  void theJarListsGitHubAndLinearCandidatesInOneDryRun() throws Exception {
    try (FakeGitHub github = FakeGitHub.start(); FakeLinear linear = FakeLinear.start()) {
      FakeRepository repo = github.createRepository("acme/shop");
      repo.setPermission(FakeGitHub.ACTIONS_BOT, Role.WRITE);
      int number = repo.addIssue("Search ignores the sort order", "On /search?q=mug&sort=price the results come "
          + "back in relevance order. They should be sorted by price. See `src/search.sh`.", "kim",
          "bug", "ready to implement");
      FakeTeam eng = linear.team("ENG", "Engineering");
      FakeUser aegis = linear.user("Aegis Bot", "aegis@example.com");
      FakeUser rick = linear.user("Rick Reporter", "rick@example.com");
      linear.label("Bug");
      linear.label("ready to implement");
      List.of("aegis:needs-info", "aegis:in-progress", "aegis:awaiting-approval", "aegis:pr-opened", "aegis:blocked")
          .forEach(linear::label);
      String id = linear.issue(eng, rick, "Cart total ignores the discount code")
          .description("Applying SAVE10 on /cart leaves the total at 20.00; it should be 18.00. See `src/cart.sh`.")
          .labels("Bug", "ready to implement").create();
      Path workspace = Files.createDirectories(dir.resolve("workspace"));

      ProcessBuilder pb = new ProcessBuilder(AegisJar.command(
          "pickup", "--dry-run", "--repo", "acme/shop", "--api-url", github.apiUrl()))
          .directory(workspace.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("AEGIS_") || k.startsWith("GITHUB_") || k.startsWith("LINEAR_"));
      env.put("HOME", dir.toString());
      env.put("GITHUB_TOKEN", github.newToken(FakeGitHub.ACTIONS_BOT));
      env.put("LINEAR_API_KEY", aegis.apiKey());
      env.put("AEGIS_TRACKERS", "github,linear");
      env.put("AEGIS_LINEAR_TEAM", "ENG");
      env.put("AEGIS_LINEAR_API_URL", linear.endpoint().toString());
      env.put("AEGIS_MAX_CONCURRENT_RUNS", "3");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(p.exitValue()).as(out + err).isZero();
      assertThat(out).contains("github:#" + number + " would run - ready bug with enough context",
          "linear:" + id + " would run - ready bug with enough context");
      assertThat(out + err).doesNotContain(aegis.apiKey());
      assertThat(linear.requests("commentCreate")).isZero();
    }
  }
}
