package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Jelly view the plugin ships compiles with Stapler's Jelly ({@link StaplerJelly}). A view that does not
 * compile breaks the whole page it is part of in Jenkins: Manage Jenkins > System loses its Save button for the
 * whole controller, the Snippet Generator answers 500.
 */
class JellyViewsTest {
  private static final String FORM = "<?jelly escape-by-default='true'?>\n"
      + "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">\n  <f:entry title=\"%s\" field=\"x\"><f:textbox/></f:entry>\n"
      + "</j:jelly>\n";

  @TempDir Path dir;

  @Test
  void everyShippedViewCompilesWithStaplersJelly() throws Exception {
    List<Path> views = shippedViews();

    assertThat(views)
        .extracting(view -> classes().relativize(view).toString().replace('\\', '/'))
        .contains(
            "dev/aegis/jenkins/AegisGlobalConfiguration/config.jelly", "dev/aegis/jenkins/AegisStep/config.jelly",
            "index.jelly");
    List<String> broken = new ArrayList<>();
    for (Path view : views) {
      try {
        StaplerJelly.compile(view.toUri().toURL());
      } catch (Exception e) {
        broken.add(classes().relativize(view) + ": " + e.getMessage());
      }
    }
    assertThat(broken).as("views Jenkins cannot compile").isEmpty();
  }

  @Test
  void everyMessageShowsItsWholeText() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path view : shippedViews()) {
      for (StaplerJelly.Message message : StaplerJelly.compile(view.toUri().toURL())) {
        if (!message.argumentsShown()) {
          problems.add(view.getFileName() + ": '" + message.key() + "' drops its arguments");
        }
        if (message.isIdentifier() && message.format().equals(message.key())) {
          problems.add(view.getFileName() + ": '" + message.key() + "' has no entry in the view's .properties");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theLabelsWithParenthesesComeFromTheViewsProperties() throws Exception {
    assertThat(formats("dev/aegis/jenkins/AegisGlobalConfiguration/config.jelly"))
        .contains("Max concurrent runs (0 pauses)", "Scan period (minutes)", "Aegis configuration (YAML)");
    assertThat(formats("dev/aegis/jenkins/AegisStep/config.jelly")).contains("Dry run (decide and print, write nothing)");
  }

  @Test
  void aParenthesisInsideAMessageFailsAsInJenkins() throws IOException {
    Path view = Files.writeString(dir.resolve("config.jelly"), FORM.formatted("${%Max concurrent runs (0 pauses)}"));

    assertThatThrownBy(() -> StaplerJelly.compile(view.toUri().toURL())).hasMessageContaining("0 pauses");
  }

  @Test
  void aParenthesisThatHappensToParseStillLosesItsText() throws Exception {
    // "(minutes)" is a valid JEXL expression: it compiles, and the page shows "Scan period " alone
    Path view = Files.writeString(dir.resolve("config.jelly"), FORM.formatted("${%Scan period (minutes)}"));

    assertThat(StaplerJelly.compile(view.toUri().toURL()))
        .singleElement()
        .satisfies(message -> assertThat(message.argumentsShown()).isFalse());
  }

  @Test
  void anUndefinedIdentifierKeyIsCaught() throws Exception {
    Path view = Files.writeString(dir.resolve("config.jelly"), FORM.formatted("${%maxConcurrentRuns}"));

    assertThat(StaplerJelly.compile(view.toUri().toURL()))
        .singleElement()
        .satisfies(message -> assertThat(message.format()).isEqualTo(message.key()));
  }

  private List<String> formats(String view) throws Exception {
    return StaplerJelly.compile(classes().resolve(view).toUri().toURL()).stream()
        .map(StaplerJelly.Message::format)
        .toList();
  }

  /** The plugin's views as built into {@code target/classes} (what the .hpi carries). */
  private static List<Path> shippedViews() throws IOException {
    try (Stream<Path> files = Files.walk(classes())) {
      return files.filter(file -> file.toString().endsWith(".jelly")).sorted().toList();
    }
  }

  private static Path classes() {
    URL index = AegisStep.class.getResource("/index.jelly");
    assertThat(index).as("index.jelly on the plugin's classpath").isNotNull();
    try {
      return Path.of(index.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
