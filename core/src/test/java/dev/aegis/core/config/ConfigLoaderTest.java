package dev.aegis.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path workspace;
  private final ConfigLoader loader = new ConfigLoader();

  private void write(String yaml) throws IOException {
    Files.createDirectories(workspace.resolve(".aegis"));
    Files.writeString(workspace.resolve(".aegis/config.yml"), yaml);
  }

  private AegisConfig load(Map<String, String> env, Map<String, String> inputs) {
    return loader.load(workspace, env, inputs, "action input");
  }

  @Test
  void withNoFileEveryKeyHasItsDocumentedDefault() {
    AegisConfig c = load(Map.of(), Map.of());
    assertThat(c.readyLabel()).isEqualTo("ready to implement");
    assertThat(c.bugLabel()).isEqualTo("bug");
    assertThat(c.mode()).isEqualTo("plan-first");
    assertThat(c.maxConcurrentRuns()).isEqualTo(1);
    assertThat(c.model()).isEqualTo("openai/gpt-5.5");
    assertThat(c.text(ConfigKeys.GITHUB_API_URL)).contains("https://api.github.com");
    assertThat(c.file()).isEmpty();
  }

  @Test
  void fileValuesOverrideDefaultsAndNestedSectionsBecomeDottedKeys() throws IOException {
    write("labels:\n  ready: aegis-ready\n  bug: defect\nmode: auto\nmax-concurrent-runs: 3\n"
        + "approvers: [alice, bob]\nbudget:\n  max-dollars: 1.5\n");
    AegisConfig c = load(Map.of(), Map.of());
    assertThat(c.readyLabel()).isEqualTo("aegis-ready");
    assertThat(c.bugLabel()).isEqualTo("defect");
    assertThat(c.autoMode()).isTrue();
    assertThat(c.maxConcurrentRuns()).isEqualTo(3);
    assertThat(c.approvers()).containsExactly("alice", "bob");
    assertThat(c.maxDollars()).isEqualByComparingTo(new BigDecimal("1.5"));
    assertThat(c.sourceOf("mode")).endsWith(".aegis/config.yml");
  }

  @Test
  void environmentOverridesTheFileAndInputsOverrideTheEnvironment() throws IOException {
    write("model: anthropic/claude-sonnet-4-6\nmax-concurrent-runs: 2\n");
    AegisConfig c = load(
        Map.of("AEGIS_MODEL", "openai/gpt-5.5", "AEGIS_MAX_CONCURRENT_RUNS", "4"),
        Map.of("max-concurrent-runs", "0"));
    assertThat(c.model()).isEqualTo("openai/gpt-5.5");
    assertThat(c.sourceOf("model")).isEqualTo("environment variable AEGIS_MODEL");
    assertThat(c.maxConcurrentRuns()).isZero();
    assertThat(c.paused()).isTrue();
    assertThat(c.sourceOf("max-concurrent-runs")).isEqualTo("action input 'max-concurrent-runs'");
  }

  @Test
  void aConfiguredModelPriceOverridesTheTableForTheConfiguredModelSoTheDollarBudgetCanBeEnforced() throws IOException {
    write("model: openai-compatible/llama-3.3-70b\nmodel-price:\n  input: 0.6\n  output: 2.4\n");
    AegisConfig c = load(Map.of(), Map.of());
    dev.aegis.core.model.PriceTable table = dev.aegis.core.model.PriceTable.bundled();
    assertThat(table.find(c.model())).as("the bundled table does not know this model").isEmpty();
    assertThat(table.with(c.model(), c.modelPrice().orElseThrow()).find(c.model()))
        .contains(new dev.aegis.core.model.Price(0.6, 0.6, 2.4));
  }

  @Test
  void aModelPriceWithoutItsOutputPriceIsRefusedNamingTheMissingKey() throws IOException {
    write("model-price:\n  input: 0.6\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("model-price.output");
  }

  @Test
  void anUnknownKeyFailsNamingTheKeyTheFileAndTheLikelyIntendedKey() throws IOException {
    write("lables:\n  ready: x\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".aegis/config.yml")
        .hasMessageContaining("'lables.ready' is not a known key")
        .hasMessageContaining("did you mean 'labels.ready'");
  }

  @Test
  void aBadValueFailsNamingTheKeyTheFileAndWhatIsAccepted() throws IOException {
    write("max-concurrent-runs: two\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".aegis/config.yml")
        .hasMessageContaining("'max-concurrent-runs'")
        .hasMessageContaining("whole number")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("max-concurrent-runs"));
  }

  @Test
  void aBadChoiceListsTheChoices() throws IOException {
    write("mode: yolo\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .hasMessageContaining("'mode' must be one of plan-first, auto, got 'yolo'");
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> load(Map.of("AEGIS_MAX_CONCURRENT_RUNS", "-1"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("environment variable AEGIS_MAX_CONCURRENT_RUNS: 'max-concurrent-runs'");
  }

  @Test
  void aZeroBudgetIsAConfigurationErrorNotACrash() throws IOException {
    write("budget:\n  max-dollars: 0\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'budget.max-dollars' must be more than 0");
  }

  @Test
  void brokenYamlFailsWithTheFileAndLine() throws IOException {
    write("mode: auto\nlabels: [unclosed\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".aegis/config.yml")
        .hasMessageContaining("not valid YAML");
  }

  static Stream<Arguments> brokenYaml() {
    return Stream.of(
        Arguments.of("mode: plan-first\nlabels:\n  ready: \"x\n  bug: y\n", 3,
            "found unexpected end of stream (while scanning a quoted scalar)"),
        Arguments.of("mode: plan-first\n  bad: [x\nlabels: {\n", 2, "mapping values are not allowed here"),
        Arguments.of("mode: auto\n\tmodel: x\n", 2, "found character '\\t(TAB)' that cannot start any token"));
  }

  @ParameterizedTest
  @MethodSource("brokenYaml")
  void brokenYamlIsOneLineWithTheOneLineNumberOfTheMistake(String yaml, int line, String problem) throws IOException {
    write(yaml);
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage())
            .doesNotContain("\n", "in 'reader'", "^")
            .containsOnlyOnce("line ")
            .contains("is not valid YAML at line " + line + ", column ")
            .contains(problem));
  }

  @Test
  void aTopLevelListIsRejected() throws IOException {
    write("- mode\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of())).hasMessageContaining("must be a mapping");
  }

  @Test
  void anUnknownInputKeyIsRejectedNamingTheInput() {
    assertThatThrownBy(() -> load(Map.of(), Map.of("colour", "blue")))
        .hasMessageContaining("action input")
        .hasMessageContaining("'colour' is not a known key");
  }

  @Test
  void repositoryComesFromGithubRepositoryThenFromTheOriginRemote() throws IOException {
    assertThat(load(Map.of("GITHUB_REPOSITORY", "octo/app"), Map.of()).text(ConfigKeys.GITHUB_REPOSITORY))
        .contains("octo/app");
    Files.createDirectories(workspace.resolve(".git"));
    Files.writeString(workspace.resolve(".git/config"),
        "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:acme/shop.git\n");
    AegisConfig c = load(Map.of(), Map.of());
    assertThat(c.text(ConfigKeys.GITHUB_REPOSITORY)).contains("acme/shop");
    assertThat(c.sourceOf(ConfigKeys.GITHUB_REPOSITORY)).isEqualTo("git remote origin");
  }

  @Test
  void aMalformedRepositoryIsRejected() {
    assertThatThrownBy(() -> load(Map.of("GITHUB_REPOSITORY", "not a repo"), Map.of()))
        .hasMessageContaining("environment variable GITHUB_REPOSITORY")
        .hasMessageContaining("owner/name");
  }

  @Test
  void apiUrlFollowsGithubApiUrlForEnterpriseServer() {
    AegisConfig c = load(Map.of("GITHUB_API_URL", "https://ghe.example.com/api/v3"), Map.of());
    assertThat(c.text(ConfigKeys.GITHUB_API_URL)).contains("https://ghe.example.com/api/v3");
  }

  @Test
  void aModelWithoutProviderIsRejected() {
    assertThatThrownBy(() -> load(Map.of("AEGIS_MODEL", "gpt-5"), Map.of()))
        .hasMessageContaining("provider/model");
  }

  @Test
  void aFileWithSeveralYamlDocumentsIsRefusedRatherThanReadingOnlyTheFirst() throws IOException {
    write("mode: auto\n---\nmode: plan-first\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds 2 YAML documents");
  }

  @Test
  void aSingleDocumentMayStartWithItsMarker() throws IOException {
    write("---\nmode: auto\n");
    assertThat(load(Map.of(), Map.of()).mode()).isEqualTo("auto");
  }

  @ParameterizedTest
  @ValueSource(strings = {"approvers: mallory\n", "protected-paths: 5\n", "approvers: [[maya, mallory]]\n",
      "approvers:\n  - {login: maya}\n", "mode: [auto]\n"})
  void aValueOfTheWrongYamlTypeIsRefused(String yaml) throws IOException {
    write(yaml);
    assertThatThrownBy(() -> load(Map.of(), Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageMatching(".*'(approvers|protected-paths|mode)' must be .*");
  }

  @Test
  void oneValueIsCheckedAsTheLoaderChecksItFromAnySource() {
    assertThat(ConfigLoader.problem(ConfigKeys.MODE, "auto")).isEmpty();
    assertThat(ConfigLoader.problem(ConfigKeys.MODE, "yolo")).contains("must be one of plan-first, auto, got 'yolo'");
    assertThat(ConfigLoader.problem(ConfigKeys.GITHUB_REPOSITORY, "octo-org/shop.web")).isEmpty();
    assertThat(ConfigLoader.problem(ConfigKeys.GITHUB_REPOSITORY, "a/b/c")).contains("must look like owner/name, got 'a/b/c'");
    assertThat(ConfigLoader.problem(ConfigKeys.GITHUB_API_URL, "ghe.example.com")).contains("must be an http(s) URL, got 'ghe.example.com'");
    assertThat(ConfigLoader.problem(ConfigKeys.MAX_CONCURRENT_RUNS, "-1")).get().asString().startsWith("must be a whole number");
    assertThat(ConfigLoader.problem(ConfigKeys.LABEL_READY, "bug,ready")).get().asString().startsWith("must be one label");
    assertThatThrownBy(() -> ConfigLoader.problem("mood", "x")).hasMessageContaining("'mood' is not a configuration key");
  }

  @Test
  void theLoaderAndTheOneValueCheckAgree() {
    assertThatThrownBy(() -> load(Map.of("AEGIS_LABELS_READY", "bug,ready"), Map.of()))
        .hasMessageContaining(ConfigLoader.problem(ConfigKeys.LABEL_READY, "bug,ready").orElseThrow());
    assertThatThrownBy(() -> load(Map.of("GITHUB_REPOSITORY", "not a repo"), Map.of()))
        .hasMessageContaining(ConfigLoader.problem(ConfigKeys.GITHUB_REPOSITORY, "not a repo").orElseThrow());
  }

  @Test
  void listsAcceptCommaSeparatedText() {
    assertThat(load(Map.of("AEGIS_APPROVERS", "alice, bob,,"), Map.of()).approvers())
        .isEqualTo(List.of("alice", "bob"));
  }

  @Test
  void everyKeyHasAnEnvironmentVariableName() {
    assertThat(ConfigKeys.find("labels.ready").orElseThrow().environmentVariable())
        .isEqualTo("AEGIS_LABELS_READY");
    assertThat(ConfigKeys.find("max-concurrent-runs").orElseThrow().environmentVariable())
        .isEqualTo("AEGIS_MAX_CONCURRENT_RUNS");
  }
}
