package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.testkit.github.FakeGitHub;
import dev.aegis.testkit.model.SampleProject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One exit-code table for every command: the same failure (no token, a refused token, GitHub unreachable, a bad
 * configuration) ends with the same code in {@code status}, {@code pickup}, {@code recover}, {@code runs},
 * {@code run} and {@code pause}, and the table the README and {@code --help} show is {@link ExitCodes#TABLE}.
 */
class ExitCodesTest {
  private static final String REPO = "octo-org/app";
  /** The commands that talk to GitHub, each as a maintainer would type it. */
  private static final List<List<String>> GITHUB_COMMANDS = List.of(List.of("status"), List.of("pickup", "--dry-run"),
      List.of("pickup"), List.of("recover"), List.of("runs"));

  @TempDir Path dir;
  private FakeGitHub fake;

  @BeforeEach
  void start() throws Exception {
    SampleProject.git(dir, "init", "-q");
    fake = FakeGitHub.start();
    fake.createRepository(REPO);
  }

  @AfterEach
  void close() {
    fake.close();
  }

  /** {@code command} on {@code api}, with {@code env} over a bare environment; returns exit code and output. */
  private CliRun run(List<String> command, String api, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("PATH", System.getenv("PATH"));
    all.put("HOME", dir.resolve("home").toString());
    all.put("AEGIS_RECORDS_DIR", dir.resolve("records").toString());
    List<String> argv = new ArrayList<>(command);
    argv.addAll(List.of("--repo", REPO, "--api-url", api));
    return CliRun.of(all, dir, CoreEntry::new, argv.toArray(String[]::new));
  }

  /** The exit code of every GitHub command and of {@code pause} for one failure. */
  private Map<String, Integer> codes(String api, Map<String, String> env) {
    Map<String, Integer> codes = new LinkedHashMap<>();
    for (List<String> command : GITHUB_COMMANDS) {
      CliRun r = run(command, api, env);
      codes.put(String.join(" ", command), r.exit());
    }
    codes.put("pause", run(List.of("pause"), api, env).exit());
    return codes;
  }

  private static Map<String, Integer> expected(int github, int pause) {
    Map<String, Integer> codes = new LinkedHashMap<>();
    GITHUB_COMMANDS.forEach(c -> codes.put(String.join(" ", c), github));
    codes.put("pause", pause);
    return codes;
  }

  @Test
  void noTokenIsTheConfigCodeInEveryCommand() {
    assertThat(codes(fake.apiUrl(), Map.of())).isEqualTo(expected(ExitCodes.CONFIG, ExitCodes.LOCAL_ONLY));
  }

  @Test
  void aRefusedTokenIsTheAuthCodeInEveryCommand() {
    assertThat(codes(fake.apiUrl(), Map.of("GITHUB_TOKEN", "ghp_revoked0000")))
        .isEqualTo(expected(ExitCodes.AUTH, ExitCodes.LOCAL_ONLY));
  }

  @Test
  void anUnreachableGitHubIsTheRemoteCodeInEveryCommand() throws IOException {
    assertThat(codes(closedPort(), Map.of("GITHUB_TOKEN", "ghp_anything0000")))
        .isEqualTo(expected(ExitCodes.REMOTE, ExitCodes.LOCAL_ONLY));
  }

  @Test
  void aBadConfigurationIsTheConfigCodeInEveryCommandRunIncluded() {
    Map<String, String> env = Map.of("GITHUB_TOKEN", fake.newToken("maintainer"), "AEGIS_MODEL", "gpt-5");

    assertThat(codes(fake.apiUrl(), env)).isEqualTo(expected(ExitCodes.CONFIG, ExitCodes.CONFIG));
    CliRun run = CliRun.of(Map.of("PATH", System.getenv("PATH"), "AEGIS_MODEL", "gpt-5"), dir, CoreEntry::new,
        "run", "--workspace", dir.toString(), "--prompt", "why");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void noModelKeyForRunIsTheConfigCodeAsNoTokenIsElsewhere() {
    CliRun run = CliRun.of(Map.of("PATH", System.getenv("PATH")), dir, CoreEntry::new,
        "run", "--workspace", dir.toString(), "--prompt", "why", "--model", "openai/gpt-5.5");

    assertThat(run.exit()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("OPENAI_API_KEY is not set");
  }

  @Test
  void theReadmeTableIsTheCodeTableAndTheOnlyOne() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> rows = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `(\\d+)` \\| (.*) \\|$").matcher(readme);
    while (m.find()) {
      rows.add(m.group(1) + " " + m.group(2));
    }

    assertThat(rows).containsExactlyElementsOf(ExitCodes.TABLE.stream().map(r -> r.code() + " " + r.meaning()).toList());
    assertThat(Files.readString(Path.of("..", "docs", "commands.md"))).doesNotContain("| code | meaning |")
        .contains("README.md#exit-codes");
  }

  @Test
  void helpPrintsEveryCodeOfTheTable() {
    String help = CliRun.of(Map.of(), dir, CoreEntry::new, "--help").out();

    assertThat(help).contains(ExitCodes.summary());
    ExitCodes.TABLE.forEach(row -> assertThat(String.join(" ", ExitCodes.summary()))
        .contains(" " + row.code() + " " + row.brief()));
  }

  private static String closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
