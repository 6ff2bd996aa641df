package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aegis.core.config.ConfigKey;
import dev.aegis.core.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code action.yml} is what users run: its inputs must reach the core under names the core reads. */
class ActionYmlTest {
  private final JsonNode action = read(Path.of("..", "action.yml"));

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode runStep() {
    for (JsonNode step : action.path("runs").path("steps")) {
      if ("aegis".equals(step.path("id").asText())) {
        return step;
      }
    }
    throw new AssertionError("action.yml has no step with id 'aegis'");
  }

  @Test
  void everyAegisVariableTheActionSetsIsAConfigurationKeyTheCoreReads() {
    List<String> known = new ArrayList<>(ConfigKeys.all().stream().map(ConfigKey::environmentVariable).toList());
    known.add("AEGIS_DRY_RUN"); // consumed by the step itself, unset before the jar runs
    known.add(dev.aegis.core.model.ModelClients.NEUTRAL_KEY_VARIABLE); // a secret, read by the model clients
    known.addAll(List.of("AEGIS_GITHUB_APP_ID", "AEGIS_GITHUB_APP_KEY")); // a GitHub App, read by the connector
    runStep().path("env").fieldNames().forEachRemaining(name -> {
      if (name.startsWith("AEGIS_")) {
        assertThat(known).as("action.yml sets " + name).contains(name);
      }
    });
  }

  @Test
  void theModelApiKeyInputReachesTheVariableEveryProviderReadsItsKeyFrom() {
    String variable = null;
    for (var it = runStep().path("env").fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getValue().asText().contains("inputs.model-api-key")) {
        variable = e.getKey();
      }
    }
    assertThat(variable).as("model-api-key is passed to the jar").isNotNull();
    for (String provider : List.of("openai", "openai-responses", "anthropic", "openai-compatible")) {
      assertThat(dev.aegis.core.model.ModelClients.keyVariablesFor(provider + "/some-model"))
          .as(provider + " reads its key from the variable model-api-key sets").contains(variable);
    }
  }

  @Test
  void everyInputIsPassedToTheJar() {
    String env = runStep().path("env").toString();
    action.path("inputs").fieldNames().forEachRemaining(input ->
        assertThat(env).as("input " + input + " reaches the run step").contains("inputs." + input));
  }

  @Test
  void theOutputsComeFromTheRunStep() {
    action.path("outputs").forEach(o -> assertThat(o.path("value").asText()).startsWith("${{ steps.aegis.outputs."));
    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
  }

  @Test
  void theRecordsArtifactHasTheNameTheJobSummaryLinks() {
    List<String> uploads = new ArrayList<>();
    for (JsonNode step : action.path("runs").path("steps")) {
      if (step.path("uses").asText().startsWith("actions/upload-artifact@")) {
        uploads.add(step.path("with").path("name").asText());
      }
    }
    assertThat(uploads).containsExactly(dev.aegis.core.event.ActionsRun.RECORDS_ARTIFACT_PREFIX
        + "${{ github.run_id }}-${{ github.run_attempt }}");
  }

  @Test
  void theGithubTokenInputSaysWhatGithubTokenCannotDo() {
    assertThat(action.path("inputs").path("github-token").path("description").asText())
        .contains("Allow GitHub Actions to create and approve pull requests", "start no workflows",
            "actions/create-github-app-token");
  }

  @Test
  void theJarStartsFromAStartUpArchiveKeptInTheCacheForThisJarAndJava() {
    assertThat(runStep().path("run").asText()).contains("scripts/action-run.sh");
    List<String> cached = new ArrayList<>();
    for (JsonNode step : action.path("runs").path("steps")) {
      if (step.path("uses").asText().startsWith("actions/cache@")) {
        cached.add(step.path("with").path("path").asText() + " " + step.path("with").path("key").asText());
      }
    }
    assertThat(cached).anySatisfy(c -> assertThat(c).contains("aegis-cds", "steps.cds.outputs.key"));
  }

  @Test
  void theRunScriptWritesTheArchiveOnTheFirstJobAndStartsFromItAfter(@org.junit.jupiter.api.io.TempDir Path temp)
      throws Exception {
    Path fakeJava = temp.resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
    fakeJava.toFile().setExecutable(true);
    Path jar = Files.writeString(temp.resolve("aegis.jar"), "not really a jar");
    Path archive = temp.resolve("cds/aegis-k.jsa");

    String first = runScript(fakeJava, jar, archive, "false");
    Files.writeString(archive, "an archive");
    String second = runScript(fakeJava, jar, archive, "true");

    assertThat(first).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ArchiveClassesAtExit=" + archive)
        .endsWith("-jar " + jar + " action");
    assertThat(second).contains("-XX:SharedArchiveFile=" + archive).endsWith("-jar " + jar + " action --dry-run");
    assertThat(Files.getLastModifiedTime(jar).toMillis()).as("pinned so the archive matches in every job")
        .isEqualTo(946_684_800_000L);
  }

  private static String runScript(Path javaBin, Path jar, Path archive, String dryRun) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of("..", "scripts", "action-run.sh").toAbsolutePath().toString())
        .redirectErrorStream(true);
    builder.environment().putAll(java.util.Map.of("AEGIS_JAVA", javaBin.toString(), "AEGIS_JAR", jar.toString(),
        "AEGIS_CDS_ARCHIVE", archive.toString(), "AEGIS_DRY_RUN", dryRun));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }
}
