package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One MCP tool server from {@code mcp-servers:} in {@code .aegis/config.yml}, in the shape of {@code .mcp.json}:
 * a name mapped to {@code command} (with {@code args} and {@code env}) for a stdio server, or {@code url} for a
 * Streamable HTTP one. An {@code env} value names the environment variable that holds the secret (a value is
 * never written in the file).
 *
 * @param name the server's name; its tools are offered as {@code name__tool}
 * @param command the program and its arguments; empty for a {@code url} server
 * @param env the server's variables: variable name to the name of the Aegis variable holding its value
 * @param url the Streamable HTTP endpoint, or null for a stdio server
 */
public record McpServerSpec(String name, List<String> command, Map<String, String> env, String url) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+(_[A-Za-z0-9-]+)*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> FIELDS = Set.of("command", "args", "env", "url", "type");

  public McpServerSpec {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    env = Map.copyOf(env);
    if (command.isEmpty() == (url == null)) {
      throw new IllegalArgumentException("an MCP server has either a command or a url");
    }
  }

  public boolean stdio() {
    return url == null;
  }

  /**
   * Parses the {@code mcp-servers} mapping.
   *
   * @throws IllegalArgumentException naming the server and the field that is wrong
   */
  public static List<McpServerSpec> parseAll(JsonNode servers) {
    if (servers == null || servers.isNull() || servers.isMissingNode()) {
      return List.of();
    }
    if (!servers.isObject()) {
      throw new IllegalArgumentException("must map server names to {command, args, env} or {url}");
    }
    List<McpServerSpec> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = servers.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.add(parse(field.getKey(), field.getValue()));
    }
    return List.copyOf(out);
  }

  private static McpServerSpec parse(String name, JsonNode server) {
    String where = "server '" + name + "'";
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(where + ": a name is letters, digits, '-' and single '_' (its tools are"
          + " called " + name + "__<tool>)");
    }
    if (name.equalsIgnoreCase("aegis")) {
      throw new IllegalArgumentException(where + ": the name aegis is Aegis's own (its finish tool); choose another");
    }
    if (!server.isObject()) {
      throw new IllegalArgumentException(where + " must be a mapping with command (and args, env) or url");
    }
    server.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException(where + ": '" + f + "' is not one of command, args, env, url");
      }
    });
    List<String> command = new ArrayList<>();
    if (server.has("command")) {
      if (!server.get("command").isTextual() || server.get("command").asText().isBlank()) {
        throw new IllegalArgumentException(where + ": command must be a program name");
      }
      command.add(server.get("command").asText().strip());
      for (JsonNode arg : server.path("args")) {
        if (!arg.isValueNode()) {
          throw new IllegalArgumentException(where + ": args must be a list of single values");
        }
        command.add(arg.asText());
      }
    }
    String url = server.has("url") ? server.get("url").asText("").strip() : null;
    if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException(where + ": url must be an http(s) URL");
    }
    if (command.isEmpty() == (url == null)) {
      throw new IllegalArgumentException(where + " needs either command (a stdio server) or url (Streamable HTTP)");
    }
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode vars = server.path("env");
    if (!vars.isMissingNode() && !vars.isObject()) {
      throw new IllegalArgumentException(where + ": env must map variable names to secret names");
    }
    vars.fields().forEachRemaining(v -> {
      String secret = v.getValue().asText("");
      if (!VARIABLE.matcher(v.getKey()).matches() || !v.getValue().isTextual() || !VARIABLE.matcher(secret).matches()) {
        throw new IllegalArgumentException(where + ": env " + v.getKey() + " must name the environment variable"
            + " that holds its value (for example API_KEY: MY_SERVER_KEY), never the value itself");
      }
      env.put(v.getKey(), secret);
    });
    return new McpServerSpec(name, command, env, url);
  }
}
