package dev.aegis.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the command that runs a project's tests: the configured one, else detected from the build files
 * (Maven, Gradle, npm, pytest, Go), wrappers preferred.
 */
public final class TestCommand {
  private TestCommand() {}

  /**
   * @param workspace the project checkout
   * @param configured the {@code test-command} setting, may be empty
   * @return the command line to run with {@code sh -c}, or empty when nothing could be detected
   */
  public static Optional<String> detect(Path workspace, Optional<String> configured) {
    if (configured.isPresent()) {
      return configured;
    }
    if (Files.isRegularFile(workspace.resolve("mvnw"))) {
      return Optional.of("./mvnw -B -q test");
    }
    if (Files.isRegularFile(workspace.resolve("pom.xml"))) {
      return Optional.of("mvn -B -q test");
    }
    if (Files.isRegularFile(workspace.resolve("gradlew"))) {
      return Optional.of("./gradlew test --console=plain");
    }
    if (Files.isRegularFile(workspace.resolve("build.gradle")) || Files.isRegularFile(workspace.resolve("build.gradle.kts"))) {
      return Optional.of("gradle test --console=plain");
    }
    if (npmTest(workspace.resolve("package.json"))) {
      return Optional.of("npm test");
    }
    if (pytest(workspace)) {
      return Optional.of("python3 -m pytest -q");
    }
    if (Files.isRegularFile(workspace.resolve("go.mod"))) {
      return Optional.of("go test ./...");
    }
    return Optional.empty();
  }

  private static boolean npmTest(Path packageJson) {
    if (!Files.isRegularFile(packageJson)) {
      return false;
    }
    try {
      JsonNode test = Mappers.JSON.readTree(packageJson.toFile()).path("scripts").path("test");
      return test.isTextual() && !test.asText().contains("no test specified");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean pytest(Path ws) {
    if (Files.isRegularFile(ws.resolve("pytest.ini")) || Files.isRegularFile(ws.resolve("conftest.py"))) {
      return true;
    }
    if (contains(ws.resolve("pyproject.toml"), "[tool.pytest") || contains(ws.resolve("setup.cfg"), "[tool:pytest]")
        || contains(ws.resolve("tox.ini"), "[pytest]")) {
      return true;
    }
    Path tests = ws.resolve("tests");
    if (!Files.isDirectory(tests)) {
      return false;
    }
    try (Stream<Path> files = Files.list(tests)) {
      return files.anyMatch(p -> p.getFileName().toString().matches("test_.*\\.py|.*_test\\.py"));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.isRegularFile(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
