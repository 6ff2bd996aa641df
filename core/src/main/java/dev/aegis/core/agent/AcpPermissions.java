package dev.aegis.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers an ACP agent's {@code session/request_permission} from the policy, never with a blanket allow:
 * reads and searches inside the workspace yes; edits, deletes and moves only outside a read-only run and only of
 * workspace paths that are not protected; commands yes, because the agent itself runs in the command sandbox
 * (the same confinement as {@code run_command}); anything else (fetching URLs, switching modes, unknown kinds)
 * no. An allow is always {@code allow_once}, so the agent asks again next time.
 */
final class AcpPermissions {
  /** Fields of a tool call's {@code rawInput} that name a file (Claude Code, Codex and Gemini use these). */
  private static final List<String> PATH_FIELDS = List.of("file_path", "path", "filePath", "notebook_path",
      "abs_path", "absolute_path", "target", "destination");

  /** How agents title a call to the {@code finish} tool of Aegis's MCP server ({@code mcp__aegis__finish}, ...). */
  private static final java.util.regex.Pattern FINISH =
      java.util.regex.Pattern.compile("(?i)\\W*(mcp__)?aegis(__|[./: ]+)finish\\b.*");

  /** The decision and why. */
  record Decision(boolean allowed, String kind, List<String> paths, String reason) {}

  private final Workspace workspace;
  private final AcpPaths paths;

  AcpPermissions(Workspace workspace, AcpPaths paths) {
    this.workspace = workspace;
    this.paths = paths;
  }

  Decision decide(JsonNode toolCall) {
    String kind = toolCall.path("kind").asText("other").toLowerCase(Locale.ROOT);
    List<String> named = named(toolCall);
    if (FINISH.matcher(toolCall.path("title").asText("")).matches()) {
      return new Decision(true, kind, named, "Aegis's own finish tool");
    }
    try {
      return switch (kind) {
        case "read", "search", "think" -> {
          for (String p : named) {
            workspace.resolveForRead(paths.relative(p));
          }
          yield new Decision(true, kind, named, "inside the workspace");
        }
        case "edit", "delete", "move" -> {
          if (workspace.policy().readOnly()) {
            yield new Decision(false, kind, named, "this run is read-only: files cannot be changed"
                + " (investigate and report instead)");
          }
          if (named.isEmpty()) {
            yield new Decision(false, kind, named, "the request names no file, so Aegis cannot check it against"
                + " the protected paths; edit one named file at a time");
          }
          for (String p : named) {
            workspace.resolveForWrite(paths.relative(p));
          }
          yield new Decision(true, kind, named, "workspace files that are not protected");
        }
        case "execute" -> new Decision(true, kind, named, "commands run in the agent's sandbox (host read-only,"
            + " protected paths read-only, no secrets)");
        default -> new Decision(false, kind, named, "Aegis allows reading, searching, editing (outside plan runs)"
            + " and commands; '" + kind + "' is not one of them");
      };
    } catch (PolicyException e) {
      return new Decision(false, kind, named, e.getMessage());
    }
  }

  /** The ACP answer: the first option of the wanted kind; a refusal with no reject option cancels. */
  static ObjectNode answer(JsonNode options, boolean allow) {
    List<String> wanted = allow ? List.of("allow_once") : List.of("reject_once", "reject_always");
    ObjectNode outcome = JsonNodeFactory.instance.objectNode();
    for (String kind : wanted) {
      for (JsonNode option : options) {
        if (kind.equals(option.path("kind").asText()) && option.hasNonNull("optionId")) {
          outcome.put("outcome", "selected").set("optionId", option.get("optionId"));
          return wrap(outcome);
        }
      }
    }
    outcome.put("outcome", "cancelled");
    return wrap(outcome);
  }

  private static ObjectNode wrap(ObjectNode outcome) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.set("outcome", outcome);
    return result;
  }

  private static List<String> named(JsonNode toolCall) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode location : toolCall.path("locations")) {
      if (location.path("path").isTextual()) {
        out.add(location.get("path").asText());
      }
    }
    JsonNode raw = toolCall.path("rawInput");
    for (String field : PATH_FIELDS) {
      if (raw.path(field).isTextual() && !raw.get(field).asText().isBlank()) {
        out.add(raw.get(field).asText());
      }
    }
    return new ArrayList<>(out);
  }
}
