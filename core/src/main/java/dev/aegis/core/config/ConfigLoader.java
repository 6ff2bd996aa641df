package dev.aegis.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.agent.AgentSpec;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Resolves configuration from, lowest to highest precedence: key defaults, the repository's
 * {@code .aegis/config.yml}, {@code AEGIS_*} environment variables, then host inputs (action inputs,
 * Jenkins step parameters, CLI flags). A few keys fall back to the platform's own variables
 * ({@code GITHUB_REPOSITORY}, {@code GITHUB_API_URL}) or to the workspace's {@code origin} remote.
 */
public final class ConfigLoader {
  /** Where the file lives, relative to the workspace. */
  public static final String FILE = ".aegis/config.yml";

  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern MODEL = Pattern.compile("[a-z][a-z0-9-]*/\\S+");
  private static final Pattern GITHUB_REMOTE =
      Pattern.compile("(?:https?://[^/]+/|git@[^:]+:|ssh://git@[^/]+/)([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\\.git)?/?$");

  private final ObjectMapper yaml = Mappers.YAML;

  /**
   * Loads configuration.
   *
   * @param workspace the monitored repository's checkout
   * @param environment the process environment
   * @param inputs host inputs by key name
   * @param inputsSource how to name the inputs in errors, for example {@code action input}
   * @throws ConfigException naming the key and the source of any bad value
   */
  public AegisConfig load(
      Path workspace, Map<String, String> environment, Map<String, String> inputs, String inputsSource) {
    Map<String, Object> values = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      if (key.defaultValue() != null) {
        values.put(key.name(), key.defaultValue());
      }
    }
    Optional<Path> file = configFile(workspace);
    if (file.isPresent()) {
      readFile(file.get(), values, sources);
    }
    for (ConfigKey key : ConfigKeys.all()) {
      String raw = environment.get(key.environmentVariable());
      if (raw != null && !raw.isBlank()) {
        put(key, raw, "environment variable " + key.environmentVariable(), values, sources);
      }
    }
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      if (input.getValue() == null || input.getValue().isBlank()) {
        continue;
      }
      ConfigKey key = known(input.getKey(), inputsSource);
      put(key, input.getValue(), inputsSource + " '" + key.name() + "'", values, sources);
    }
    platformFallbacks(workspace, environment, values, sources);
    check(values, sources);
    return new AegisConfig(values, sources, file);
  }

  /**
   * Where and what the YAML problem is, on one line with one line number: {@code at line 3, column 10: found
   * unexpected end of stream (while scanning a quoted scalar)}. SnakeYAML's own message spans several lines and
   * names two positions; an error at the end of the input is reported where its construct began (an unclosed
   * quote or bracket), since the end of the file says nothing.
   */
  private static String yamlProblem(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark mark = m.getProblemMark();
        if (m.getContextMark() != null && String.valueOf(m.getProblem()).contains("end of stream")) {
          mark = m.getContextMark();
        }
        String context = m.getContext() == null ? "" : " (" + oneLine(m.getContext()) + ")";
        return "at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
            + oneLine(String.valueOf(m.getProblem())) + context;
      }
    }
    return (e.getLocation() == null ? "" : "at line " + e.getLocation().getLineNr() + ": ")
        + oneLine(e.getOriginalMessage());
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static Optional<Path> configFile(Path workspace) {
    for (String name : List.of(FILE, ".aegis/config.yaml")) {
      Path p = workspace.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private void readFile(Path file, Map<String, Object> values, Map<String, String> sources) {
    String where = file.toString();
    JsonNode root;
    try {
      List<JsonNode> documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll();
      if (documents.size() > 1) {
        throw new ConfigException("", where, "holds " + documents.size() + " YAML documents (separated by ---);"
            + " Aegis reads exactly one, so it will not guess which applies: keep a single document");
      }
      root = documents.isEmpty() ? null : documents.get(0);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", where, "is not valid YAML " + yamlProblem(e));
    } catch (IOException e) {
      throw new ConfigException("", where, "cannot be read: " + e.getMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return;
    }
    if (!root.isObject()) {
      throw new ConfigException("", where, "must be a mapping of keys to values (see the README's config keys)");
    }
    Map<String, Object> flat = new java.util.LinkedHashMap<>();
    flatten("", root, flat, where);
    for (Map.Entry<String, Object> entry : flat.entrySet()) {
      ConfigKey key = known(entry.getKey(), where);
      if (entry.getValue() != null) {
        if (key.kind() == ConfigKey.Kind.LIST && !(entry.getValue() instanceof List<?>)) {
          throw new ConfigException(key.name(), where, "must be a YAML list (one '- item' per line, or [a, b]),"
              + " got the single value '" + entry.getValue() + "'");
        }
        if (key.kind() != ConfigKey.Kind.LIST && entry.getValue() instanceof List<?>) {
          throw new ConfigException(key.name(), where, "must be a single value, not a list");
        }
        put(key, entry.getValue(), where, values, sources);
      }
    }
  }

  private void flatten(String prefix, JsonNode node, Map<String, Object> out, String where) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && ConfigKeys.find(name).isEmpty()) {
        flatten(name, value, out, where);
      } else if (value.isArray()) {
        List<Object> items = new ArrayList<>();
        for (JsonNode item : value) {
          if (!item.isValueNode() || item.isNull()) {
            throw new ConfigException(name, where, "must be a list of single values, but an item is "
                + (item.isArray() ? "a list" : item.isObject() ? "a mapping" : "empty"));
          }
          items.add(item.asText());
        }
        out.put(name, items);
      } else if (value.isNull()) {
        out.put(name, null);
      } else {
        out.put(name, value.isValueNode() ? value.asText() : value);
      }
    }
  }

  private static ConfigKey known(String name, String where) {
    return ConfigKeys.find(name).orElseThrow(() -> new ConfigException(name, where, "is not a known key"
        + ConfigKeys.suggest(name).map(s -> " (did you mean '" + s + "'?)").orElse("")
        + "; the README lists the keys Aegis reads"));
  }

  private static void put(
      ConfigKey key, Object raw, String where, Map<String, Object> values, Map<String, String> sources) {
    if (raw instanceof JsonNode && key.kind() != ConfigKey.Kind.MAPPING) {
      throw new ConfigException(key.name(), where, "must be a single value, not a mapping");
    }
    try {
      values.put(key.name(), key.parse(raw));
      sources.put(key.name(), where);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key.name(), where, e.getMessage());
    }
  }

  private static void platformFallbacks(
      Path workspace, Map<String, String> env, Map<String, Object> values, Map<String, String> sources) {
    if (!values.containsKey(ConfigKeys.GITHUB_REPOSITORY)) {
      String fromEnv = env.get("GITHUB_REPOSITORY");
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(ConfigKeys.GITHUB_REPOSITORY, fromEnv.trim());
        sources.put(ConfigKeys.GITHUB_REPOSITORY, "environment variable GITHUB_REPOSITORY");
      } else {
        originRepository(workspace).ifPresent(repo -> {
          values.put(ConfigKeys.GITHUB_REPOSITORY, repo);
          sources.put(ConfigKeys.GITHUB_REPOSITORY, "git remote origin");
        });
      }
    }
    if (!values.containsKey(ConfigKeys.GITHUB_API_URL)) {
      String fromEnv = env.get("GITHUB_API_URL");
      boolean set = fromEnv != null && !fromEnv.isBlank();
      values.put(ConfigKeys.GITHUB_API_URL, set ? fromEnv.trim() : "https://api.github.com");
      sources.put(ConfigKeys.GITHUB_API_URL, set ? "environment variable GITHUB_API_URL" : "default");
    }
  }

  /** Reads {@code owner/name} from the workspace's {@code .git/config} origin URL, if it points at GitHub. */
  static Optional<String> originRepository(Path workspace) {
    Path gitConfig = workspace.resolve(".git").resolve("config");
    if (!Files.isRegularFile(gitConfig)) {
      return Optional.empty();
    }
    try {
      boolean inOrigin = false;
      for (String line : Files.readAllLines(gitConfig)) {
        String t = line.trim();
        if (t.startsWith("[")) {
          inOrigin = t.equals("[remote \"origin\"]");
        } else if (inOrigin && t.startsWith("url")) {
          Matcher m = GITHUB_REMOTE.matcher(t.substring(t.indexOf('=') + 1).trim());
          return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Checks one value of {@code key} as {@link #load} checks it from any source, without loading anything: the key's
   * kind (a choice such as {@code mode}, a whole number...) and the shapes the loader enforces
   * ({@code github.repository} owner/name, API URLs http(s), {@code model} provider/model, GitHub labels without
   * commas). For hosts that check a form field before any call.
   *
   * @param value the raw text, as a form field or an environment variable holds it
   * @return the loader's reason, such as {@code must look like owner/name, got 'shop'}; empty when accepted
   * @throws IllegalArgumentException for a key {@link ConfigKeys} does not know
   */
  public static Optional<String> problem(String key, String value) {
    ConfigKey known = ConfigKeys.find(key)
        .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not a configuration key"));
    try {
      return shapeProblem(key, known.parse(value));
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The shape rules beyond a key's kind; empty when {@code value} (parsed, possibly null) keeps them. */
  private static Optional<String> shapeProblem(String key, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString();
    if (key.equals(ConfigKeys.AGENT)) {
      return AgentSpec.problem(text);
    }
    boolean ok = switch (key) {
      case ConfigKeys.GITHUB_REPOSITORY -> REPOSITORY.matcher(text).matches();
      case ConfigKeys.GITHUB_API_URL, ConfigKeys.LINEAR_API_URL -> text.startsWith("https://") || text.startsWith("http://");
      case ConfigKeys.MODEL -> MODEL.matcher(text).matches();
      case ConfigKeys.LABEL_READY, ConfigKeys.LABEL_BUG -> !text.contains(",");
      default -> true;
    };
    if (ok) {
      return Optional.empty();
    }
    return Optional.of(switch (key) {
      case ConfigKeys.GITHUB_REPOSITORY -> "must look like owner/name, got '" + text + "'";
      case ConfigKeys.MODEL -> "must look like provider/model (for example openai/gpt-5.5), got '" + text + "'";
      case ConfigKeys.LABEL_READY, ConfigKeys.LABEL_BUG ->
          "must be one label (GitHub cannot search for a name with a comma), got '" + text + "'";
      default -> "must be an http(s) URL, got '" + text + "'";
    });
  }

  private static void requireShape(String key, Map<String, Object> values, Map<String, String> sources) {
    Optional<String> problem = shapeProblem(key, values.get(key));
    if (problem.isPresent()) {
      throw new ConfigException(key, sources.getOrDefault(key, "default"), problem.get());
    }
  }

  private static void check(Map<String, Object> values, Map<String, String> sources) {
    for (String key : List.of(ConfigKeys.GITHUB_REPOSITORY, ConfigKeys.GITHUB_API_URL, ConfigKeys.MODEL, ConfigKeys.AGENT,
        ConfigKeys.LABEL_READY, ConfigKeys.LABEL_BUG, ConfigKeys.LINEAR_API_URL)) {
      requireShape(key, values, sources);
    }
    for (String budget : List.of(ConfigKeys.BUDGET_MAX_STEPS, ConfigKeys.BUDGET_MAX_TOKENS,
        ConfigKeys.BUDGET_MAX_DOLLARS, ConfigKeys.BUDGET_MAX_MINUTES)) {
      Object v = values.get(budget);
      if (v instanceof Number n && n.doubleValue() <= 0) {
        throw new ConfigException(budget, sources.getOrDefault(budget, "default"),
            "must be more than 0 (a budget of nothing would stop every run at once), got '" + v + "'");
      }
    }
    boolean input = values.get(ConfigKeys.PRICE_INPUT) != null;
    boolean output = values.get(ConfigKeys.PRICE_OUTPUT) != null;
    if (input != output || (values.get(ConfigKeys.PRICE_CACHED_INPUT) != null && !input)) {
      String missing = input ? ConfigKeys.PRICE_OUTPUT : ConfigKeys.PRICE_INPUT;
      throw new ConfigException(missing, "configuration", "is not set: a model price needs both "
          + ConfigKeys.PRICE_INPUT + " and " + ConfigKeys.PRICE_OUTPUT + " (USD per million tokens)");
    }
    for (String price : List.of(ConfigKeys.PRICE_INPUT, ConfigKeys.PRICE_CACHED_INPUT, ConfigKeys.PRICE_OUTPUT)) {
      if (values.get(price) instanceof Number n && n.doubleValue() < 0) {
        throw new ConfigException(price, sources.getOrDefault(price, "default"), "must not be negative, got '" + n + "'");
      }
    }
    List<?> trackers = (List<?>) values.get(ConfigKeys.TRACKERS);
    for (Object tracker : trackers) {
      if (!List.of("github", "linear").contains(String.valueOf(tracker))) {
        throw new ConfigException(ConfigKeys.TRACKERS, sources.getOrDefault(ConfigKeys.TRACKERS, "default"),
            "may list github and linear, got '" + tracker + "'");
      }
    }
    if (trackers.isEmpty()) {
      throw new ConfigException(ConfigKeys.TRACKERS, sources.getOrDefault(ConfigKeys.TRACKERS, "default"),
          "must list at least one tracker: github, linear, or both");
    }
    checkLinear(values, sources, trackers.contains("linear"));
  }

  /**
   * Linear settings: shapes always, required values only when Linear is a configured tracker. A missing
   * {@code linear.team} fails only when Linear is connected, so {@code aegis linear teams} can run before it is set.
   */
  private static void checkLinear(Map<String, Object> values, Map<String, String> sources, boolean used) {
    if (!used) {
      return;
    }
    if (blank(values, ConfigKeys.LINEAR_READY_LABEL) && blank(values, ConfigKeys.LINEAR_READY_STATE)) {
      throw new ConfigException(ConfigKeys.LINEAR_READY_LABEL,
          sources.getOrDefault(ConfigKeys.LINEAR_READY_LABEL, "configuration"),
          "and 'linear.ready-state' are both empty: set at least one, or Aegis cannot tell which issues are ready");
    }
    if (blank(values, ConfigKeys.LINEAR_BUG_LABEL)) {
      throw new ConfigException(ConfigKeys.LINEAR_BUG_LABEL,
          sources.getOrDefault(ConfigKeys.LINEAR_BUG_LABEL, "configuration"),
          "is empty: Linear has no issue types, so a label (default Bug) marks the bugs Aegis may take");
    }
    for (String phase : ConfigKeys.LINEAR_PHASES) {
      if (blank(values, ConfigKeys.linearLabel(phase)) && blank(values, ConfigKeys.linearState(phase))) {
        String key = ConfigKeys.linearLabel(phase);
        throw new ConfigException(key, sources.getOrDefault(key, "configuration"), "and '"
            + ConfigKeys.linearState(phase) + "' are both empty: a phase needs a label, a workflow state, or both");
      }
    }
  }

  private static boolean blank(Map<String, Object> values, String key) {
    Object v = values.get(key);
    return v == null || v.toString().isBlank();
  }
}
