package dev.aegis.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar as a newcomer first meets it: help, version, and the offline demo of {@code pickup --dry-run}. */
class JarCommandsIT {
  @TempDir Path dir;

  private AegisProcess.Result run(String... args) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    return new AegisProcess(Map.of("PATH", System.getenv("PATH"), "HOME", home.toString()), dir, dir, args).run();
  }

  @Test
  void helpListsTheCommandsAndExitCodes() throws Exception {
    AegisProcess.Result r = run("--help");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Usage: aegis").contains("pickup", "action", "init");
    assertThat(r.out().lines()).as("every exit code stays beside its meaning")
        .anySatisfy(l -> assertThat(l).startsWith("Exit codes: 0 done, 2 bad input"))
        .anySatisfy(l -> assertThat(l).contains("6 blocked"));
  }

  @Test
  void helpSummarisesEveryCommandInAWholeSentence() throws Exception {
    String out = run("--help").out();
    String commands = out.substring(out.indexOf("Commands:") + "Commands:".length());

    // A summary is the command's first description line; picocli indents the lines it wraps.
    Map<String, String> summaries = new java.util.LinkedHashMap<>();
    String current = null;
    for (String line : commands.strip().split("\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^ {0,2}(\\w+) +(.*)$").matcher(line);
      if (m.matches()) {
        current = m.group(1);
        summaries.put(current, m.group(2).strip());
      } else if (current != null) {
        summaries.merge(current, line.strip(), (a, b) -> a + " " + b);
      }
    }
    assertThat(summaries).containsKeys("demo", "pickup", "action", "init", "run", "audit")
        .allSatisfy((name, summary) -> assertThat(summary).as(name).endsWith("."));
  }

  @Test
  void versionNamesTheBuiltVersion() throws Exception {
    AegisProcess.Result r = run("--version");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().strip()).matches("aegis \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void pickupDryRunOnTheDemoPrintsOneDecisionPerCandidateWithoutCredentials() throws Exception {
    AegisProcess.Result r = run("pickup", "--dry-run", "--demo");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains(
        "github:#101 would run - ready bug with enough context",
        "github:#102 needs info - What exactly happens",
        "github:#103 skipped - pull request already opened",
        "github:#104 waiting - max concurrent runs reached (1 of 1)");
  }

  @Test
  void anUnknownOptionIsAUsageError() throws Exception {
    AegisProcess.Result r = run("action", "--dry-runn");

    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option: '--dry-runn'");
  }

  @Test
  void anUnreachableGitHubPrintsOneClearLineAndNoLibraryLogOrStackTrace() throws Exception {
    new ProcessBuilder("git", "init", "-q", dir.toString()).inheritIO().start().waitFor();
    String api;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      api = "http://127.0.0.1:" + closed.getLocalPort();
    }
    Path home = Files.createDirectories(dir.resolve("home"));
    Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", home.toString(),
        "GITHUB_TOKEN", "ghp_unreachable0000");

    for (String command : java.util.List.of("status", "pickup", "recover", "runs", "pause")) {
      AegisProcess.Result r = new AegisProcess(env, dir, dir, command, "--repo", "octo-org/app", "--api-url", api)
          .run();

      assertThat(r.exit()).as(r.toString()).isEqualTo(command.equals("pause") ? ExitCodes.LOCAL_ONLY : ExitCodes.REMOTE);
      assertThat(r.err().lines().filter(l -> !l.isBlank())).as(command + ": " + r.err()).singleElement()
          .asString().contains("cannot reach GitHub at " + api, "Check github.api-url")
          .doesNotContain("INFO", "Exception", "org.kohsuke", "response code: -1");
      assertThat(r.out() + r.err()).as(command).doesNotContain("\tat ", "INFO:", "ghp_unreachable0000");
    }
  }
}
