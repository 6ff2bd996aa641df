package dev.aegis.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The global configuration's "Aegis configuration (YAML)": the controller's own {@code .aegis/config.yml}, in the
 * format of a repository's. The controller has no checkout, so before each core call it writes this text as
 * {@code .aegis/config.yml} into its scratch directory ({@link #place}) and the core reads it as it reads any
 * repository's file: unknown keys and bad values fail with the core's own message naming the key. The form fields
 * are passed as overrides and win over it. Workers read their checkout's own file, not this one; only its
 * {@code trackers} reaches them (see {@link Trackers}).
 */
final class ConfigYaml {
  /** How the form check names the text in messages (the core names the file it read). */
  static final String FIELD = "Aegis configuration (YAML)";

  /** Configuration keys that have their own field in the form (the field wins over the text). */
  private static final List<String> FORM_KEYS =
      List.of(
          ConfigKeys.GITHUB_REPOSITORY, ConfigKeys.GITHUB_API_URL, ConfigKeys.GITHUB_LOGIN, ConfigKeys.LINEAR_TEAM,
          ConfigKeys.MODEL, ConfigKeys.READY_LABEL, ConfigKeys.BUG_LABEL, ConfigKeys.MODE,
          ConfigKeys.MAX_CONCURRENT_RUNS);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigYaml() {}

  /** The text as typed (YAML indentation matters, so it is not trimmed), or null when blank. */
  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /**
   * The {@code trackers} the text sets, read as the core reads a list (a YAML list or comma-separated text); empty
   * when it does not set them or is not valid YAML (the core then reports the file itself).
   */
  static Optional<List<String>> trackers(String yaml) {
    if (blankToNull(yaml) == null) {
      return Optional.empty();
    }
    JsonNode value;
    try {
      value = YAML.readTree(yaml).path(ConfigKeys.TRACKERS);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    Object raw;
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      raw = items;
    } else if (value.isValueNode() && !value.isNull()) {
      raw = value.asText();
    } else {
      return Optional.empty();
    }
    // a list or comma-separated text, trimmed, empty parts dropped: the core's own reading of a list key
    @SuppressWarnings("unchecked")
    List<String> trackers =
        (List<String>) dev.aegis.core.config.ConfigKeys.find(ConfigKeys.TRACKERS).orElseThrow().parse(raw);
    return Optional.of(trackers);
  }

  /**
   * Checks the text with the core's own {@link ConfigLoader}, as the controller's core calls will read it: an
   * error carries the core's message (naming the key) with the file named {@value #FIELD}; a key that also has a
   * form field gets a warning.
   *
   * @param yaml the field's text (blank is fine)
   * @param overrides the overrides the form's fields would add ({@code trackers}, {@code linear.team})
   */
  static Check check(String yaml, Map<String, String> overrides) {
    if (blankToNull(yaml) == null) {
      return Check.ok();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("aegis-config-check");
      Path file = place(dir, yaml).orElseThrow();
      AegisConfig config;
      try {
        config = new ConfigLoader().load(dir, Map.of(), overrides, "form field");
      } catch (RuntimeException e) {
        return Check.error(String.valueOf(e.getMessage()).replace(file.toString(), FIELD));
      }
      List<String> shadowed =
          FORM_KEYS.stream().filter(key -> config.sourceOf(key).equals(file.toString())).toList();
      if (!shadowed.isEmpty()) {
        return Check.warning(
            String.join(", ", shadowed)
                + (shadowed.size() == 1 ? " has its own field" : " have their own fields")
                + " above: set them there, so the workers get them too (a field wins over this text).");
      }
      return Check.ok();
    } catch (IOException | UncheckedIOException e) {
      return Check.warning("Could not check the configuration here: " + e.getMessage());
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Makes {@code workspace/.aegis/config.yml} hold {@code yaml}, or removes it (and {@code config.yaml}) when
   * {@code yaml} is blank, so a cleared field takes effect at the next call.
   *
   * @return the file written, or empty when there is none
   * @throws UncheckedIOException when the file cannot be written or removed
   */
  static Optional<Path> place(Path workspace, String yaml) {
    Path file = workspace.resolve(ConfigLoader.FILE);
    try {
      Files.deleteIfExists(file.resolveSibling("config.yaml"));
      if (blankToNull(yaml) == null) {
        Files.deleteIfExists(file);
        return Optional.empty();
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
