package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.model.ToolCall;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Redactor;
import dev.aegis.core.policy.Workspace;
import dev.aegis.testkit.model.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The tools one by one, as the model calls them. */
class ToolsTest {
  @TempDir Path temp;
  Path root;
  ToolBox tools;

  @BeforeEach
  void project() throws Exception {
    root = SampleProject.create(temp.resolve("repo"));
    tools = toolBox(Mode.FIX, Policy.defaults(), 20_000);
  }

  private ToolBox toolBox(Mode mode, Policy policy, int cap) {
    Workspace workspace = Workspace.open(root, policy);
    dev.aegis.core.git.Checkout git = new dev.aegis.core.git.Checkout(
        dev.aegis.core.support.BareRepos.git(workspace.root()));
    FileTools files = new FileTools(workspace, git);
    CommandTools commands = new CommandTools(workspace, Harness.SANDBOX, SampleProject.environment(java.util.Map.of()),
        dev.aegis.core.policy.CommandSpace.open(temp, dev.aegis.core.policy.HostPaths.none()), git, files, () -> Duration.ofMinutes(5));
    Redactor redactor = Redactor.of(List.of("s3cr3t-token-1"));
    return new ToolBox(files, new SearchTool(workspace, files, git, cap), commands, new FinishTool(mode, redactor, git, commands, files),
        redactor, cap);
  }

  private ToolOutcome call(String name, String arguments) {
    return tools.execute(new ToolCall("c1", name, arguments));
  }

  @Test
  void listFilesHonoursGitignoreAndShowsUntrackedFiles() throws Exception {
    Files.writeString(root.resolve("notes.txt"), "new");
    String listing = call("list_files", "{}").content();
    assertThat(listing).contains("src/calc.sh", "test.sh", "notes.txt", ".github/workflows/ci.yml")
        .doesNotContain("build/ignored.txt").doesNotContain(".git/HEAD");
    assertThat(call("list_files", "{\"path\":\"src\"}").content()).isEqualTo("src/calc.sh\n");
  }

  @Test
  void searchFindsLinesAndSkipsIgnoredFiles() {
    String hits = call("search", "{\"pattern\":\"add\\\\(\\\\)\"}").content();
    assertThat(hits).contains("src/calc.sh:3: add() {").doesNotContain("build/ignored.txt");
    assertThat(call("search", "{\"pattern\":\"(unclosed\"}").content()).contains("not a valid regular expression");
    assertThat(call("search", "{\"pattern\":\"nothing-matches-this\"}").content()).isEqualTo("(no matches)");
  }

  @Test
  void searchResultsAreCappedAndSayHowManyWereLeftOut() throws Exception {
    Files.writeString(root.resolve("many.txt"), "hit\n".repeat(30));
    String hits = call("search", "{\"pattern\":\"hit\",\"max_results\":5}").content();
    assertThat(hits.lines().filter(l -> l.startsWith("many.txt:")).count()).isEqualTo(5);
    assertThat(hits).contains("[25 more matches not shown");
  }

  @Test
  void aSearchWhoseMatchesOverflowTheOutputIsCutAtAWholeLineNeverInTheMiddle() throws Exception {
    Files.writeString(root.resolve("long.txt"), ("hit " + "x".repeat(290) + "\n").repeat(200));
    String hits = call("search", "{\"pattern\":\"hit\",\"max_results\":200}").content();
    assertThat(hits.length()).isLessThan(20_000);
    assertThat(hits).doesNotContain("omitted").containsPattern("\\[\\d+ more matches not shown");
    assertThat(hits.lines().filter(l -> l.startsWith("long.txt:"))).allMatch(l -> l.endsWith("x"));
  }

  @Test
  void untrackedFilesAreSearchedAndBinaryFilesAreNot() throws Exception {
    Files.writeString(root.resolve("untracked.txt"), "needle here\n");
    Files.write(root.resolve("blob.bin"), new byte[] {'n', 'e', 'e', 'd', 'l', 'e', 0, 1, 2});
    assertThat(call("search", "{\"pattern\":\"needle\"}").content()).isEqualTo("untracked.txt:1: needle here\n");
  }

  /** Outside a git checkout the JVM search runs; it must find exactly what git grep finds. */
  @ParameterizedTest
  @ValueSource(strings = {"add", "^#", "\\$\\(\\(", "(?i)ECHO", "[0-9]+", "^$", "\\bsh\\b"})
  void theJvmSearchFindsExactlyWhatGitGrepFinds(String pattern) throws Exception {
    Files.writeString(root.resolve("untracked.txt"), "echo 1\n\n# a comment\r\nadd 2 3\n");
    String viaGit = call("search", "{\"pattern\":\"" + pattern.replace("\\", "\\\\") + "\",\"max_results\":200}").content();
    Path copy = temp.resolve("no-git");
    try (var paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".git/") && !rel.startsWith("build/")) {
          Files.createDirectories(copy.resolve(rel).getParent());
          Files.copy(p, copy.resolve(rel));
        }
      }
    }
    root = copy;
    tools = toolBox(Mode.FIX, Policy.defaults(), 20_000);
    String viaJvm = call("search", "{\"pattern\":\"" + pattern.replace("\\", "\\\\") + "\",\"max_results\":200}").content();
    assertThat(viaJvm).isEqualTo(viaGit).isNotEqualTo("(no matches)");
  }

  @Test
  void readFileShowsNumberedLineRanges() {
    assertThat(call("read_file", "{\"path\":\"src/calc.sh\",\"start_line\":2,\"end_line\":3}").content())
        .isEqualTo("2| # add A B: prints the sum of A and B\n3| add() {\n[src/calc.sh has 5 lines; read more with "
            + "start_line/end_line]\n");
    assertThat(call("read_file", "{\"path\":\"src\"}").content()).contains("a directory: use list_files");
  }

  @Test
  void editFileNeedsAUniqueExactMatchAndSaysWhereTheMatchesAre() throws Exception {
    Files.writeString(root.resolve("dup.txt"), "x = 1\ny = 2\nx = 1\n");
    ToolOutcome twice = call("edit_file", "{\"path\":\"dup.txt\",\"old_text\":\"x = 1\",\"new_text\":\"x = 3\"}");
    assertThat(twice.error()).isTrue();
    assertThat(twice.content()).contains("occurs 2 times", "at lines 1, 3");
    ToolOutcome spaced = call("edit_file", "{\"path\":\"src/calc.sh\",\"old_text\":\"add() {\\necho $(( $1 - $2 ))\","
        + "\"new_text\":\"x\"}");
    assertThat(spaced.content()).contains("first line matches line 3 apart from whitespace");
    ToolOutcome ok = call("edit_file", "{\"path\":\"dup.txt\",\"old_text\":\"y = 2\",\"new_text\":\"y = 5\"}");
    assertThat(ok.error()).isFalse();
    assertThat(Files.readString(root.resolve("dup.txt"))).isEqualTo("x = 1\ny = 5\nx = 1\n");
  }

  @Test
  void writeFileCreatesParentsInsideTheWorkspace() throws Exception {
    assertThat(call("write_file", "{\"path\":\"test/new/case.sh\",\"content\":\"echo hi\\n\"}").content())
        .isEqualTo("wrote test/new/case.sh (1 lines)");
    assertThat(Files.readString(root.resolve("test/new/case.sh"))).isEqualTo("echo hi\n");
  }

  @Test
  void longCommandOutputKeepsHeadAndTailAndIsRedactedFirst() {
    tools = toolBox(Mode.FIX, Policy.defaults(), 400);
    String out = call("run_command", "{\"command\":\"echo FIRST; seq 1 2000; echo s3cr3t-token-1; echo LAST\"}")
        .content();
    assertThat(out).startsWith("exit code: 0").contains("FIRST", "LAST", "characters omitted", "***")
        .doesNotContain("s3cr3t-token-1");
    assertThat(out.length()).isLessThan(500);
  }

  @Test
  void gitDiffShowsChangesAndNewFiles() throws Exception {
    Files.writeString(root.resolve("README.md"), "Changed.\n");
    Files.writeString(root.resolve("added.txt"), "new\n");
    String diff = call("git_diff", "{}").content();
    assertThat(diff).contains("?? added.txt", "-Sample calculator.", "+Changed.");
  }

  @Test
  void fixFinishListsChangedFilesFromGitAndRerunsTheTestCommand() throws Exception {
    Files.writeString(root.resolve("README.md"), "Changed.\n");
    ToolOutcome outcome = call("finish", "{\"summary\":\"s\",\"test_command\":\"sh test.sh\"}");
    FixReport report = (FixReport) outcome.report();
    assertThat(report.filesChanged()).containsExactly("README.md");
    assertThat(report.testRun().passed()).isFalse();
    assertThat(report.testRun().outputTail()).contains("FAIL add");
    assertThat(ReportMarkdown.fix(report)).contains("FAILED (exit 1)");
  }
}
