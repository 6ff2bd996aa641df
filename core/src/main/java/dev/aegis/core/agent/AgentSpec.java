package dev.aegis.core.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engine a run uses: the value of {@code agent:} in {@code .aegis/config.yml} ({@code AEGIS_AGENT}, the
 * Action input {@code agent}, {@code aegis run --agent}).
 *
 * <ul>
 *   <li>{@code builtin}: Aegis's own loop over the configured model (the default);</li>
 *   <li>{@code claude-code}: {@code claude-agent-acp}, with {@code ANTHROPIC_API_KEY};</li>
 *   <li>{@code codex}: {@code codex-acp}, with {@code OPENAI_API_KEY} (or {@code CODEX_API_KEY});</li>
 *   <li>{@code gemini}: {@code gemini --experimental-acp}, with {@code GEMINI_API_KEY} (or {@code GOOGLE_API_KEY});</li>
 *   <li>{@code acp:<command line>}: any other agent that speaks ACP on stdio; it gets no provider key.</li>
 * </ul>
 *
 * @param name {@code builtin}, {@code claude-code}, {@code codex}, {@code gemini} or {@code acp}
 * @param command the agent's program and arguments; empty for {@code builtin}
 * @param keyNames the environment variables holding the agent's own provider key, first found wins; the only
 *     secrets the agent process gets
 * @param passNames non-secret variables the agent also gets when set (base URLs, its own home)
 */
public record AgentSpec(String name, List<String> command, List<String> keyNames, List<String> passNames) {
  public static final String BUILTIN = "builtin";

  public AgentSpec {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    keyNames = List.copyOf(keyNames);
    passNames = List.copyOf(passNames);
    if (!name.equals(BUILTIN) && command.isEmpty()) {
      throw new IllegalArgumentException("an external agent needs a command");
    }
  }

  /** The built-in loop. */
  public static AgentSpec builtin() {
    return new AgentSpec(BUILTIN, List.of(), List.of(), List.of());
  }

  /**
   * Parses a configured value.
   *
   * @throws IllegalArgumentException saying what is accepted, for anything else
   */
  public static AgentSpec parse(String value) {
    String text = value == null ? "" : value.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "", BUILTIN:
        return builtin();
      case "claude-code":
        return new AgentSpec("claude-code", List.of("claude-agent-acp"), List.of("ANTHROPIC_API_KEY"),
            List.of("ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL", "CLAUDE_CODE_USE_BEDROCK", "CLAUDE_CODE_USE_VERTEX"));
      case "codex":
        return new AgentSpec("codex", List.of("codex-acp"), List.of("OPENAI_API_KEY", "CODEX_API_KEY"),
            List.of("OPENAI_BASE_URL", "CODEX_HOME"));
      case "gemini":
        return new AgentSpec("gemini", List.of("gemini", "--experimental-acp"),
            List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"), List.of("GOOGLE_GEMINI_BASE_URL", "GEMINI_MODEL"));
      default:
        break;
    }
    if (lower.startsWith("acp:")) {
      List<String> words = words(text.substring(4));
      if (words.isEmpty()) {
        throw new IllegalArgumentException("acp: needs the agent's command line after it, for example"
            + " 'acp:my-agent --stdio'");
      }
      return new AgentSpec("acp", words, List.of(), List.of());
    }
    throw new IllegalArgumentException("must be builtin, claude-code, codex, gemini or acp:<command line>, got '"
        + text + "'");
  }

  /** Why {@code value} is not an agent, or empty when it is one. */
  public static Optional<String> problem(String value) {
    try {
      parse(value);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  public boolean isBuiltin() {
    return name.equals(BUILTIN);
  }

  /** {@code claude-code (claude-agent-acp)}, or {@code builtin}. */
  public String display() {
    return isBuiltin() ? BUILTIN : name + " (" + String.join(" ", command) + ")";
  }

  /** Splits a command line on spaces; single or double quotes keep spaces; no other shell syntax. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("acp: the command line has an unclosed " + quote + " quote");
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }
}
