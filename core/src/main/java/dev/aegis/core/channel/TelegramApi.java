package dev.aegis.core.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The few Telegram Bot API methods Aegis calls, as JSON POSTs to {@code <api>/bot<token>/<method>}. Answers
 * are {@code {"ok":true,"result":...}}; a refusal becomes a {@link ChannelException} with Telegram's
 * {@code error_code}, {@code description} and {@code parameters.retry_after}. The token is part of the path
 * only; no message names it.
 */
final class TelegramApi {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = dev.aegis.core.json.Mappers.JSON;

  private final HttpUrl api;
  private final String token;
  private final OkHttpClient http;

  TelegramApi(HttpUrl api, String token, OkHttpClient http) {
    this.api = Objects.requireNonNull(api, "api");
    this.token = Objects.requireNonNull(token, "token");
    this.http = Objects.requireNonNull(http, "http");
    if (token.isBlank() || token.contains("/")) {
      throw new IllegalArgumentException("the bot token is empty or malformed");
    }
  }

  /** {@code getMe}: the bot itself. */
  JsonNode getMe() throws ChannelException, InterruptedException {
    return call("getMe", MAPPER.createObjectNode());
  }

  /** {@code getUpdates} from {@code offset} (0: from the oldest unconfirmed), no long polling. */
  JsonNode getUpdates(long offset, int limit) throws ChannelException, InterruptedException {
    ObjectNode args = MAPPER.createObjectNode().put("limit", limit).put("timeout", 0);
    if (offset > 0) {
      args.put("offset", offset);
    }
    args.putArray("allowed_updates").add("message");
    return call("getUpdates", args);
  }

  /** {@code sendMessage} of plain text (no parse mode: nothing in it is markup), without link previews. */
  JsonNode sendMessage(String chatId, String text) throws ChannelException, InterruptedException {
    ObjectNode args = MAPPER.createObjectNode();
    if (chatId.matches("-?\\d+")) {
      args.put("chat_id", Long.parseLong(chatId));
    } else {
      args.put("chat_id", chatId);
    }
    args.put("text", text);
    args.putObject("link_preview_options").put("is_disabled", true);
    return call("sendMessage", args);
  }

  private JsonNode call(String method, ObjectNode args) throws ChannelException, InterruptedException {
    HttpUrl url = api.newBuilder().addPathSegment("bot" + token).addPathSegment(method).build();
    Request request = new Request.Builder().url(url).post(RequestBody.create(args.toString(), JSON)).build();
    try (Response r = http.newCall(request).execute()) {
      String body = r.body() == null ? "" : r.body().string();
      JsonNode answer;
      try {
        answer = MAPPER.readTree(body);
      } catch (IOException e) {
        throw new ChannelException("Telegram " + method + " answered HTTP " + r.code() + " that is not the Bot API's JSON",
            r.code(), null);
      }
      if (answer != null && answer.path("ok").asBoolean(false)) {
        return answer.path("result");
      }
      int code = answer == null ? r.code() : answer.path("error_code").asInt(r.code());
      String description = answer == null ? "" : answer.path("description").asText("");
      JsonNode wait = answer == null ? null : answer.path("parameters").get("retry_after");
      throw new ChannelException("Telegram " + method + " refused: " + code + " " + description + hint(code),
          code, wait == null ? null : Duration.ofSeconds(wait.asLong()));
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the channels' time budget ran out");
      }
      throw new ChannelException("Telegram " + method + " did not answer (" + e.getClass().getSimpleName() + ")", 0, null);
    } catch (IOException e) {
      throw new ChannelException("Telegram could not be reached (" + e.getClass().getSimpleName() + ")", 0, null);
    }
  }

  private static String hint(int code) {
    return switch (code) {
      case 401, 404 -> " (check TELEGRAM_BOT_TOKEN: 'aegis setup telegram' checks it with getMe)";
      case 403 -> " (the bot was blocked or removed from the chat: add it back)";
      case 409 -> " (a webhook is set for this bot, so getUpdates cannot be used: delete it or poll nothing)";
      default -> "";
    };
  }
}
