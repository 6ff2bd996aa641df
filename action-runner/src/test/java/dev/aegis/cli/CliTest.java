package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  @BeforeEach
  void checkout() throws Exception {
    SampleProject.git(dir, "init", "-q");
  }

  private CliRun run(String... args) {
    return CliRun.of(Map.of("PATH", System.getenv("PATH")), dir, CoreEntry::new, args);
  }

  @Test
  void pickupDryRunOnTheDemoPrintsOneDecisionLinePerCandidate() {
    CliRun r = run("pickup", "--dry-run", "--demo");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains(
        "github:#101 would run - ready bug with enough context",
        "github:#102 needs info - What exactly happens",
        "github:#103 skipped - pull request already opened",
        "github:#104 waiting - max concurrent runs reached (1 of 1)");
  }

  @Test
  void helpAndVersionAnswerEverywhere() {
    assertThat(run("--help").out()).contains("pickup", "action", "init", "Exit codes");
    assertThat(run("--version").out()).startsWith("aegis ");
    assertThat(run("pickup", "--help").out()).contains("--dry-run", "--issue", "--demo");
    assertThat(run("action", "--help").out()).contains("GITHUB_EVENT_NAME");
    assertThat(run("init", "--help").out()).contains("--force");
  }

  @Test
  void aLineNamingOneCommandBuildsOnlyThatCommandAndHelpStillListsThemAll() {
    CliContext ctx = new CliContext(Map.of(), System.out, System.err, dir, CoreEntry::new);

    assertThat(Main.commandLine(ctx, new String[] {"status", "--help"}).getSubcommands()).containsOnlyKeys("status");
    assertThat(Main.commandLine(ctx, new String[] {"--help"}).getSubcommands()).hasSize(Main.COMMANDS.size());
    assertThat(run("--help").out()).contains("demo", "pickup", "action", "init", "run", "audit", "status", "runs",
        "recover", "pause", "resume", "disconnect", "linear");
  }

  @Test
  void everyOptionOfEveryCommandHasADescriptionInItsHelp() {
    CliContext ctx = new CliContext(Map.of(), System.out, System.err, dir, CoreEntry::new);
    List<CommandLine> commands = new ArrayList<>();
    Main.commandLine(ctx).getSubcommands().values().forEach(c -> {
      commands.add(c);
      commands.addAll(c.getSubcommands().values());
    });

    assertThat(commands).hasSizeGreaterThanOrEqualTo(Main.COMMANDS.size()).allSatisfy(command ->
        assertThat(command.getCommandSpec().options()).allSatisfy(option ->
            assertThat(String.join(" ", option.description()))
                .as(command.getCommandName() + " " + option.longestName()).isNotBlank()));
  }

  @Test
  void aMisspelledCommandIsAUsageErrorThatSuggestsTheRightOne() {
    CliRun r = run("statsu");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unmatched argument", "status");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRun r = run("pickup", "--dry-runn");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option");
  }

  @Test
  void pickupWithABadConfigFileNamesTheKeyAndFileAndExits3() throws Exception {
    Files.createDirectories(dir.resolve(".aegis"));
    Files.writeString(dir.resolve(".aegis/config.yml"), "max-concurrent-runs: lots\n");

    CliRun r = run("pickup", "--dry-run");

    assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains(".aegis/config.yml", "'max-concurrent-runs'", "whole number");
  }

  @Test
  void initWritesTheWorkflowAndConfigAndNeverOverwritesWithoutForce() throws Exception {
    CliRun first = run("init");
    assertThat(first.exit()).isZero();
    Path workflow = dir.resolve(".github/workflows/aegis.yml");
    assertThat(Files.readString(workflow))
        .contains("uses: aegis-dev/aegis-action@", "issues: write", "cancel-in-progress: false",
            "persist-credentials: false");
    assertThat(Files.readString(dir.resolve(".aegis/config.yml"))).contains("ready: ready to implement");

    Files.writeString(workflow, "mine");
    CliRun second = run("init");
    assertThat(second.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(second.err()).contains("Left unchanged", "--force");
    assertThat(Files.readString(workflow)).isEqualTo("mine");

    assertThat(run("init", "--force").exit()).isZero();
    assertThat(Files.readString(workflow)).contains("uses: aegis-dev/aegis-action@");
  }

  @Test
  void initRefusesADirectoryThatDoesNotExistAndCreatesNothing() {
    CliRun r = run("init", "-C", "no-such-dir");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("-C " + dir.resolve("no-such-dir"), "does not exist", "Nothing was read or written",
        "Pass -C the top directory of your clone");
    assertThat(dir.resolve("no-such-dir")).doesNotExist();
    assertThat(r.out()).doesNotContain("Wrote");
  }

  @Test
  void initRefusesADirectoryThatIsNotAGitCheckoutAndWritesNothing() throws Exception {
    Files.createDirectories(dir.resolve("plain"));

    CliRun r = run("init", "-C", "plain");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("is not a git checkout (no .git there)", "Nothing was written");
    try (var files = Files.list(dir.resolve("plain"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void initInACurrentDirectoryThatIsNotACheckoutSaysToRunItFromTheClone() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));

    CliRun r = CliRun.of(Map.of("PATH", System.getenv("PATH")), plain, CoreEntry::new, "init");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("the current directory " + plain, "is not a git checkout", "or pass -C DIR");
    assertThat(plain.resolve(".aegis")).doesNotExist();
  }

  @Test
  void pickupAndRecoverRefuseAWorkspaceThatDoesNotExist() {
    for (String command : new String[] {"pickup", "recover"}) {
      CliRun r = run(command, "-C", "missing", "--repo", "o/r");

      assertThat(r.exit()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(command).contains("'" + command + "': -C " + dir.resolve("missing") + " does not exist");
    }
  }

  @Test
  void theWrittenConfigLoadsCleanly() {
    run("init");
    CliRun r = run("pickup", "--dry-run", "--demo", "-C", ".");
    assertThat(r.exit()).isZero();
  }
}
