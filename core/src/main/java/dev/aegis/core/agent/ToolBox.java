package dev.aegis.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.model.ToolCall;
import dev.aegis.core.policy.PolicyException;
import dev.aegis.core.policy.Redactor;
import java.io.UncheckedIOException;

/**
 * Runs the model's tool calls. Nothing the model sends crashes the run: malformed arguments, unknown tools,
 * refusals and failures all come back as tool errors it can read. Output is redacted, then capped.
 */
final class ToolBox {
  private final ObjectMapper json = Mappers.JSON;
  private final FileTools files;
  private final SearchTool search;
  private final CommandTools commands;
  private final FinishTool finish;
  private final Redactor redactor;
  private final int maxOutputChars;
  private final McpTools mcp;
  private final java.time.Duration mcpTimeout;
  private final DatabaseTools database;

  ToolBox(FileTools files, SearchTool search, CommandTools commands, FinishTool finish, Redactor redactor,
      int maxOutputChars) {
    this(files, search, commands, finish, redactor, maxOutputChars, McpTools.NONE, java.time.Duration.ofMinutes(5));
  }

  /** @param mcp the MCP servers' tools, offered as {@code server__tool}, each call capped at {@code mcpTimeout} */
  ToolBox(FileTools files, SearchTool search, CommandTools commands, FinishTool finish, Redactor redactor,
      int maxOutputChars, McpTools mcp, java.time.Duration mcpTimeout) {
    this(files, search, commands, finish, redactor, maxOutputChars, mcp, mcpTimeout, null);
  }

  /** With {@code database} (null outside production context) for {@code sql_query} and {@code describe_schema}. */
  ToolBox(FileTools files, SearchTool search, CommandTools commands, FinishTool finish, Redactor redactor,
      int maxOutputChars, McpTools mcp, java.time.Duration mcpTimeout, DatabaseTools database) {
    this.mcp = mcp;
    this.mcpTimeout = mcpTimeout;
    this.database = database;
    this.files = files;
    this.search = search;
    this.commands = commands;
    this.finish = finish;
    this.redactor = redactor;
    this.maxOutputChars = maxOutputChars;
  }

  ToolOutcome execute(ToolCall call) {
    ToolOutcome outcome;
    try {
      outcome = dispatch(call.name(), arguments(call));
    } catch (PolicyException e) {
      outcome = ToolOutcome.denied(e.getMessage());
    } catch (ToolError e) {
      outcome = ToolOutcome.error(e.getMessage());
    } catch (UncheckedIOException e) {
      outcome = ToolOutcome.error(call.name() + " failed: " + e.getMessage());
    }
    return outcome.withContent(Text.cap(redactor.redact(outcome.content()), maxOutputChars));
  }

  private ToolArgs arguments(ToolCall call) {
    String raw = call.arguments().isBlank() ? "{}" : call.arguments();
    try {
      JsonNode node = json.readTree(raw);
      if (node instanceof ObjectNode object) {
        return new ToolArgs(call.name(), object);
      }
      throw new ToolError("the arguments of " + call.name() + " must be a JSON object, got: " + Text.cap(raw, 200));
    } catch (JsonProcessingException e) {
      throw new ToolError("the arguments of " + call.name() + " are not valid JSON ("
          + e.getOriginalMessage() + "); send one JSON object that matches the tool's schema");
    }
  }

  private ToolOutcome dispatch(String name, ToolArgs args) {
    return switch (name) {
      case "list_files" -> ToolOutcome.ok(files.list(args));
      case "read_file" -> ToolOutcome.ok(files.read(args));
      case "search" -> ToolOutcome.ok(search.search(args));
      case "edit_file" -> ToolOutcome.ok(files.edit(args));
      case "write_file" -> ToolOutcome.ok(files.write(args));
      case "run_command" -> ToolOutcome.ok(commands.run(args));
      case "git_diff" -> ToolOutcome.ok(commands.diff(args));
      case "finish" -> ToolOutcome.finished("report accepted", finish.finish(args));
      case "sql_query" -> database == null ? unknown(name) : database.query(args);
      case "describe_schema" -> database == null ? unknown(name) : database.describeSchema(args);
      default -> mcp.has(name) ? ToolOutcome.ok(mcp.call(name, args.node(), mcpTimeout)) : unknown(name);
    };
  }

  private ToolOutcome unknown(String name) {
    return ToolOutcome.error("there is no tool '" + name + "'; the tools are: "
        + String.join(", ", Prompts.TOOLS) + (database == null ? "" : ", " + String.join(", ", Prompts.DATABASE_TOOLS))
        + ", finish" + (mcp.specs().isEmpty() ? "" : ", " + String.join(", ",
            mcp.specs().stream().map(dev.aegis.core.model.ToolSpec::name).toList())));
  }
}
