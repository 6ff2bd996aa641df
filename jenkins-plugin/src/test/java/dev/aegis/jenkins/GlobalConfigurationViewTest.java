package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * The configure page binds each {@code field="x"} of {@code config.jelly} through {@code getX} and a
 * {@code @DataBoundSetter setX}, shows {@code help-x.html}, and fills each credentials select with
 * {@code doFillXItems}: a name that does not line up only shows in a real Jenkins, so it is checked here.
 */
class GlobalConfigurationViewTest {
  private static final String VIEWS = "/dev/aegis/jenkins/AegisGlobalConfiguration/";

  @Test
  void everyFieldHasAGetterASetterAndHelp() throws IOException {
    List<String> fields = fields(jelly(), "<f:entry[^>]*field=\"([A-Za-z]+)\"");

    assertThat(fields).contains("linearTeam", "linearCredentialsId", "linearWebhookSecretCredentialsId", "configYaml");
    for (String field : fields) {
      String name = Character.toUpperCase(field.charAt(0)) + field.substring(1);
      assertThat(method("get" + name)).as("get" + name).isNotNull();
      Method setter = method("set" + name);
      assertThat(setter).as("set" + name).isNotNull();
      assertThat(setter.isAnnotationPresent(DataBoundSetter.class)).as("@DataBoundSetter set" + name).isTrue();
      assertThat(getClass().getResource(VIEWS + "help-" + field + ".html")).as("help-" + field + ".html").isNotNull();
    }
  }

  @Test
  void everyCredentialsSelectIsFilled() throws IOException {
    List<String> selects = fields(jelly(), "field=\"([A-Za-z]+)\">\\s*<c:select/>");

    assertThat(selects)
        .containsExactlyInAnyOrder(
            "credentialsId", "linearCredentialsId", "modelCredentialsId", "webhookSecretCredentialsId",
            "linearWebhookSecretCredentialsId");
    for (String field : selects) {
      String fill = "doFill" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "Items";
      assertThat(method(fill)).as(fill).isNotNull();
    }
  }

  @Test
  void theYamlCheckWritesAFileSoItTakesPostOnly() throws IOException {
    Method check = method("doCheckConfigYaml");

    assertThat(check.isAnnotationPresent(POST.class)).as("@POST on doCheckConfigYaml, visible at run time").isTrue();
    assertThat(jelly()).containsPattern("field=\"configYaml\">\\s*(<!--[^>]*-->\\s*)?<f:textarea checkMethod=\"post\"/>");
  }

  @Test
  void theYamlFieldIsCheckedAndClearedToAbsent() {
    assertThat(method("doCheckConfigYaml")).isNotNull();
    assertThat(ConfigYaml.blankToNull(" \n ")).isNull();
    assertThat(ConfigYaml.blankToNull("  mode: auto\n")).as("YAML keeps its indentation").isEqualTo("  mode: auto\n");
  }

  private static Method method(String name) {
    return Arrays.stream(AegisGlobalConfiguration.class.getMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static List<String> fields(String jelly, String regex) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(jelly);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private String jelly() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(VIEWS + "config.jelly")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
