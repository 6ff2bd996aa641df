package dev.aegis.core.agent;

import dev.aegis.core.model.ModelException;
import dev.aegis.core.policy.CommandEnvironment;
import dev.aegis.core.policy.Secrets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment an external agent's process gets: what commands get ({@link CommandEnvironment}'s allow-list,
 * never a secret), the agent's own non-secret settings ({@link AgentSpec#passNames()}), and its own provider key
 * under its own name, taken from that name or from {@code AEGIS_MODEL_API_KEY}. No other secret: not the GitHub
 * token, not runner tokens, not another provider's key.
 */
final class AcpEnvironment {
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile(".*://[^/\\s:@]+:[^/\\s@]+@.*");
  /** Settings Aegis gives Claude Code: no telemetry or updates in CI, and root is fine inside the sandbox. */
  private static final Map<String, String> CLAUDE_CODE = Map.of("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
      "DISABLE_TELEMETRY", "1", "DISABLE_AUTOUPDATER", "1", "IS_SANDBOX", "1");

  private AcpEnvironment() {}

  /**
   * @throws ModelException ({@code CONFIG}) when a known agent's key is in none of its variables
   */
  static Map<String, String> of(AgentSpec agent, Map<String, String> host, Secrets secrets,
      Collection<String> extraNames) {
    Map<String, String> env = new TreeMap<>(CommandEnvironment.forCommands(host, secrets, extraNames));
    for (String name : agent.passNames()) {
      String value = host.get(name);
      if (value != null && !value.isBlank() && !URL_WITH_PASSWORD.matcher(value).matches()
          && !Secrets.isCredential(name, value)) {
        env.put(name, value);
      }
    }
    if (agent.name().equals("claude-code")) {
      env.putAll(CLAUDE_CODE);
    }
    if (agent.keyNames().isEmpty()) {
      return env;
    }
    for (String name : agent.keyNames()) {
      String value = host.get(name);
      if (value != null && !value.isBlank()) {
        env.put(name, value.trim());
        return env;
      }
    }
    String shared = host.get("AEGIS_MODEL_API_KEY");
    if (shared != null && !shared.isBlank()) {
      env.put(agent.keyNames().get(0), shared.trim());
      return env;
    }
    throw ModelException.config("agent " + agent.display() + " needs its provider key in "
        + String.join(" or ", agent.keyNames()) + " (or AEGIS_MODEL_API_KEY); none is set");
  }
}
