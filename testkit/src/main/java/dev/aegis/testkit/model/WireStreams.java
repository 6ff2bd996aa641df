package dev.aegis.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a whole reply (as {@link WireReplies} builds it) as the server-sent events each API streams
 * instead, following the event sequences their documentation shows: Anthropic's {@code message_start},
 * {@code content_block_*}, {@code ping}, {@code message_delta}, {@code message_stop}; the Responses API's
 * {@code response.created} ... {@code response.completed}; Chat Completions' {@code chat.completion.chunk}s, a
 * usage chunk when {@code stream_options.include_usage} was asked for, and {@code [DONE]}. Text and tool
 * arguments are cut into small pieces, as real streams cut them, so a client must join them.
 */
final class WireStreams {
  private static final int PIECE = 7;

  /** One event as written on the wire, blank line included. */
  record Event(String encoded) {}

  private final ObjectMapper json;

  WireStreams(ObjectMapper json) {
    this.json = json;
  }

  List<Event> events(Wire wire, JsonNode reply, boolean includeUsage) {
    return switch (wire) {
      case ANTHROPIC_MESSAGES -> anthropic(reply);
      case RESPONSES -> responses(reply);
      case CHAT_COMPLETIONS -> chat(reply, includeUsage);
    };
  }

  /** The error event each API sends inside a stream that began 200. */
  Event error(Wire wire, JsonNode reply, String type, String message) {
    return switch (wire) {
      case ANTHROPIC_MESSAGES -> {
        ObjectNode data = json.createObjectNode().put("type", "error");
        data.putObject("error").put("type", type).put("message", message);
        yield named("error", data);
      }
      case RESPONSES -> {
        ObjectNode response = ((ObjectNode) reply.deepCopy()).put("status", "failed");
        response.putArray("output");
        response.putObject("error").put("code", type).put("message", message);
        ObjectNode data = json.createObjectNode().put("type", "response.failed");
        data.set("response", response);
        yield named("response.failed", data);
      }
      case CHAT_COMPLETIONS -> {
        ObjectNode data = json.createObjectNode();
        data.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        yield unnamed(data.toString());
      }
    };
  }

  private List<Event> anthropic(JsonNode reply) {
    List<Event> events = new ArrayList<>();
    ObjectNode start = ((ObjectNode) reply.deepCopy());
    start.putArray("content");
    start.putNull("stop_reason");
    start.putNull("stop_sequence");
    ObjectNode usage = (ObjectNode) start.path("usage");
    long output = reply.path("usage").path("output_tokens").asLong();
    usage.put("output_tokens", 1);
    events.add(named("message_start", json.createObjectNode().put("type", "message_start").set("message", start)));
    int index = 0;
    for (JsonNode block : reply.path("content")) {
      ObjectNode opening = json.createObjectNode().put("type", "content_block_start").put("index", index);
      String type = block.path("type").asText();
      if ("text".equals(type)) {
        opening.putObject("content_block").put("type", "text").put("text", "");
        events.add(named("content_block_start", opening));
        if (index == 0) {
          events.add(named("ping", json.createObjectNode().put("type", "ping")));
        }
        for (String piece : pieces(block.path("text").asText())) {
          ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", index);
          delta.putObject("delta").put("type", "text_delta").put("text", piece);
          events.add(named("content_block_delta", delta));
        }
      } else {
        opening.putObject("content_block").put("type", "tool_use").put("id", block.path("id").asText())
            .put("name", block.path("name").asText()).putObject("input");
        events.add(named("content_block_start", opening));
        JsonNode input = block.path("input");
        String raw = input.isTextual() ? input.asText() : input.toString();
        for (String piece : pieces(raw)) {
          ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", index);
          delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
          events.add(named("content_block_delta", delta));
        }
      }
      events.add(named("content_block_stop",
          json.createObjectNode().put("type", "content_block_stop").put("index", index)));
      index++;
    }
    ObjectNode end = json.createObjectNode().put("type", "message_delta");
    end.putObject("delta").put("stop_reason", reply.path("stop_reason").asText()).putNull("stop_sequence");
    end.putObject("usage").put("output_tokens", output);
    events.add(named("message_delta", end));
    events.add(named("message_stop", json.createObjectNode().put("type", "message_stop")));
    return events;
  }

  private List<Event> responses(JsonNode reply) {
    List<Event> events = new ArrayList<>();
    int[] sequence = {0};
    ObjectNode pending = ((ObjectNode) reply.deepCopy()).put("status", "in_progress");
    pending.putArray("output");
    pending.putNull("usage");
    events.add(responsesEvent("response.created", sequence, data -> data.set("response", pending)));
    events.add(responsesEvent("response.in_progress", sequence, data -> data.set("response", pending)));
    int outputIndex = 0;
    for (JsonNode item : reply.path("output")) {
      int at = outputIndex;
      ObjectNode opened = ((ObjectNode) item.deepCopy()).put("status", "in_progress");
      if ("message".equals(item.path("type").asText())) {
        opened.putArray("content");
      } else {
        opened.put("arguments", "");
      }
      events.add(responsesEvent("response.output_item.added", sequence,
          data -> data.put("output_index", at).set("item", opened)));
      if ("message".equals(item.path("type").asText())) {
        int contentIndex = 0;
        for (JsonNode part : item.path("content")) {
          int c = contentIndex;
          String itemId = item.path("id").asText();
          ObjectNode emptyPart = json.createObjectNode().put("type", "output_text").put("text", "");
          emptyPart.putArray("annotations");
          events.add(responsesEvent("response.content_part.added", sequence, data -> data.put("item_id", itemId)
              .put("output_index", at).put("content_index", c).set("part", emptyPart)));
          String text = part.path("text").asText();
          for (String piece : pieces(text)) {
            events.add(responsesEvent("response.output_text.delta", sequence, data -> data.put("item_id", itemId)
                .put("output_index", at).put("content_index", c).put("delta", piece)));
          }
          events.add(responsesEvent("response.output_text.done", sequence, data -> data.put("item_id", itemId)
              .put("output_index", at).put("content_index", c).put("text", text)));
          events.add(responsesEvent("response.content_part.done", sequence, data -> data.put("item_id", itemId)
              .put("output_index", at).put("content_index", c).set("part", part)));
          contentIndex++;
        }
      } else {
        String itemId = item.path("id").asText();
        String arguments = item.path("arguments").asText();
        for (String piece : pieces(arguments)) {
          events.add(responsesEvent("response.function_call_arguments.delta", sequence,
              data -> data.put("item_id", itemId).put("output_index", at).put("delta", piece)));
        }
        events.add(responsesEvent("response.function_call_arguments.done", sequence,
            data -> data.put("item_id", itemId).put("output_index", at).put("arguments", arguments)));
      }
      events.add(responsesEvent("response.output_item.done", sequence,
          data -> data.put("output_index", at).set("item", item)));
      outputIndex++;
    }
    String last = "incomplete".equals(reply.path("status").asText()) ? "response.incomplete" : "response.completed";
    events.add(responsesEvent(last, sequence, data -> data.set("response", reply)));
    return events;
  }

  private Event responsesEvent(String type, int[] sequence, java.util.function.Consumer<ObjectNode> fill) {
    ObjectNode data = json.createObjectNode().put("type", type);
    fill.accept(data);
    data.put("sequence_number", sequence[0]++);
    return named(type, data);
  }

  private List<Event> chat(JsonNode reply, boolean includeUsage) {
    List<Event> events = new ArrayList<>();
    JsonNode choice = reply.path("choices").path(0);
    JsonNode message = choice.path("message");
    ObjectNode first = chunk(reply, includeUsage);
    first.withArray("choices").addObject().put("index", 0).putNull("logprobs").putNull("finish_reason")
        .putObject("delta").put("role", "assistant").put("content", "").putNull("refusal");
    events.add(unnamed(first.toString()));
    if (message.path("content").isTextual()) {
      for (String piece : pieces(message.path("content").asText())) {
        ObjectNode chunk = chunk(reply, includeUsage);
        chunk.withArray("choices").addObject().put("index", 0).putNull("logprobs").putNull("finish_reason")
            .putObject("delta").put("content", piece);
        events.add(unnamed(chunk.toString()));
      }
    }
    int index = 0;
    for (JsonNode call : message.path("tool_calls")) {
      ObjectNode opening = chunk(reply, includeUsage);
      ObjectNode delta = opening.withArray("choices").addObject().put("index", 0).putNull("logprobs")
          .putNull("finish_reason").putObject("delta");
      ObjectNode head = delta.putArray("tool_calls").addObject().put("index", index)
          .put("id", call.path("id").asText()).put("type", "function");
      head.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
      events.add(unnamed(opening.toString()));
      for (String piece : pieces(call.path("function").path("arguments").asText())) {
        ObjectNode chunk = chunk(reply, includeUsage);
        ObjectNode d = chunk.withArray("choices").addObject().put("index", 0).putNull("logprobs")
            .putNull("finish_reason").putObject("delta");
        d.putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", piece);
        events.add(unnamed(chunk.toString()));
      }
      index++;
    }
    ObjectNode last = chunk(reply, includeUsage);
    last.withArray("choices").addObject().put("index", 0).putNull("logprobs")
        .put("finish_reason", choice.path("finish_reason").asText()).putObject("delta");
    events.add(unnamed(last.toString()));
    if (includeUsage) {
      ObjectNode usage = chunk(reply, false);
      usage.putArray("choices");
      usage.set("usage", reply.path("usage"));
      events.add(unnamed(usage.toString()));
    }
    events.add(unnamed("[DONE]"));
    return events;
  }

  /** A chunk's envelope; with include_usage every chunk but the last carries {@code "usage": null}. */
  private ObjectNode chunk(JsonNode reply, boolean nullUsage) {
    ObjectNode chunk = json.createObjectNode().put("id", reply.path("id").asText())
        .put("object", "chat.completion.chunk").put("created", reply.path("created").asLong())
        .put("model", reply.path("model").asText()).put("system_fingerprint", "fp_scripted");
    chunk.putArray("choices");
    if (nullUsage) {
      chunk.putNull("usage");
    }
    return chunk;
  }

  private static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + PIECE);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++;
      }
      pieces.add(text.substring(i, end));
      i = end;
    }
    return pieces;
  }

  private static Event named(String name, JsonNode data) {
    return new Event("event: " + name + "\ndata: " + data + "\n\n");
  }

  private static Event unnamed(String data) {
    return new Event("data: " + data + "\n\n");
  }
}
