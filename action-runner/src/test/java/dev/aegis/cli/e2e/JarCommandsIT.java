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
    assertThat(r.out()).startsWith("Usage: aegis").contains("pickup", "action", "init", "Exit codes: 0 done");
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
}
