package dev.aegis.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stateful fake of the Telegram Bot API for one bot: {@code POST /bot<token>/<method>} with a JSON body,
 * answered {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":...,"description":...}} as
 * Telegram does (401 Unauthorized for another token, 400 "Bad Request: chat not found", 429 with
 * {@code parameters.retry_after} when armed). Every request is checked against the parameters that
 * {@code @grammyjs/types} declares ({@code bot-api-subset.json}); a violation is recorded and answered 400.
 * Updates are queued by {@link #userSays} and served by {@code getUpdates} with Telegram's offset rule: an
 * update is confirmed, and never served again, once {@code getUpdates} is called with a higher offset.
 */
public final class FakeTelegram implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  public static final long BOT_ID = 7_000_000_001L;
  public static final String BOT_USERNAME = "aegis_test_bot";

  /** A message the bot sent. */
  public record Sent(long chatId, String text, JsonNode request) {}

  private final HttpServer server;
  private final String token;
  private final Clock clock;
  private final JsonNode contract;
  private final List<Long> chats = new ArrayList<>();
  private final List<ObjectNode> updates = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Integer> rateLimits = new ArrayList<>();
  private long nextUpdate = 100_000;
  private long nextMessage = 1;

  private FakeTelegram(String token, Clock clock) throws IOException {
    this.token = token;
    this.clock = clock;
    try (InputStream in = FakeTelegram.class.getResourceAsStream("bot-api-subset.json")) {
      contract = MAPPER.readTree(in);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-telegram");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** A fake for the bot with {@code token}. */
  public static FakeTelegram start(String token, Clock clock) {
    try {
      return new FakeTelegram(token, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value for {@code telegram.api-url}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A chat the bot is in (a private chat with a user, or a group). */
  public synchronized FakeTelegram chat(long chatId) {
    chats.add(chatId);
    return this;
  }

  /** A user writes {@code text} in {@code chatId}; the bot sees it as an update. */
  public synchronized long userSays(long chatId, long userId, String firstName, String username, String text) {
    if (!chats.contains(chatId)) {
      chats.add(chatId);
    }
    ObjectNode u = MAPPER.createObjectNode();
    long id = nextUpdate++;
    u.put("update_id", id);
    ObjectNode m = u.putObject("message");
    m.put("message_id", nextMessage++);
    m.put("date", clock.instant().getEpochSecond());
    ObjectNode chat = m.putObject("chat");
    chat.put("id", chatId);
    chat.put("type", chatId > 0 ? "private" : "group");
    if (chatId > 0) {
      chat.put("first_name", firstName);
    } else {
      chat.put("title", "Team chat");
    }
    ObjectNode from = m.putObject("from");
    from.put("id", userId);
    from.put("is_bot", false);
    from.put("first_name", firstName);
    if (username != null) {
      from.put("username", username);
    }
    m.put("text", text);
    updates.add(u);
    return id;
  }

  /** The next {@code n} calls are refused with 429 and {@code retry_after} seconds. */
  public synchronized FakeTelegram rateLimitNext(int n, int retryAfter) {
    for (int i = 0; i < n; i++) {
      rateLimits.add(retryAfter);
    }
    return this;
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** Requests that broke the declared Bot API parameters. */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Method names called, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Updates not yet confirmed by an offset. */
  public synchronized int pendingUpdates() {
    return updates.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex; InputStream in = ex.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String path = ex.getRequestURI().getPath();
      String prefix = "/bot" + token + "/";
      if (!path.startsWith("/bot")) {
        error(ex, 404, "Not Found", null);
        return;
      }
      if (!path.startsWith(prefix)) {
        error(ex, 401, "Unauthorized", null);
        return;
      }
      String method = path.substring(prefix.length());
      JsonNode declared = contract.path("methods").get(method);
      if (declared == null) {
        error(ex, 404, "Not Found: method not found", null);
        return;
      }
      JsonNode args;
      try {
        args = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
      } catch (IOException e) {
        error(ex, 400, "Bad Request: can't parse JSON", null);
        return;
      }
      synchronized (this) {
        calls.add(method);
        String problem = check(method, declared, args, ex.getRequestHeaders().getFirst("Content-Type"), body.length);
        if (problem != null) {
          violations.add(method + ": " + problem);
          error(ex, 400, "Bad Request: " + problem, null);
          return;
        }
        if (!rateLimits.isEmpty()) {
          int wait = rateLimits.remove(0);
          ObjectNode p = MAPPER.createObjectNode().put("retry_after", wait);
          error(ex, 429, "Too Many Requests: retry after " + wait, p);
          return;
        }
        switch (method) {
          case "getMe" -> ok(ex, me());
          case "getUpdates" -> ok(ex, getUpdates(args));
          case "sendMessage" -> sendMessage(ex, args);
          default -> ok(ex, MAPPER.getNodeFactory().booleanNode(true));
        }
      }
    }
  }

  private static String check(String method, JsonNode declared, JsonNode args, String contentType, int length) {
    if (length > 0 && (contentType == null || !contentType.startsWith("application/json"))) {
      return "the body is not application/json";
    }
    if (!args.isObject()) {
      return "the body is not a JSON object";
    }
    for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode param = declared.get(name);
      if (param == null) {
        return "unknown parameter " + name + " for " + method;
      }
      if (!typed(args.get(name), param.path("type").asText())) {
        return "parameter " + name + " must be " + param.path("type").asText();
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (p.getValue().path("required").asBoolean() && !args.has(p.getKey())) {
        return "parameter " + p.getKey() + " is required";
      }
    }
    return null;
  }

  private static boolean typed(JsonNode v, String type) {
    return switch (type) {
      case "integer" -> v.isIntegralNumber();
      case "string" -> v.isTextual();
      case "integer|string" -> v.isIntegralNumber() || v.isTextual();
      case "boolean" -> v.isBoolean();
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      default -> false;
    };
  }

  private ObjectNode me() {
    ObjectNode me = MAPPER.createObjectNode();
    me.put("id", BOT_ID);
    me.put("is_bot", true);
    me.put("first_name", "Aegis");
    me.put("username", BOT_USERNAME);
    for (String flag : List.of("can_join_groups", "can_read_all_group_messages", "supports_inline_queries",
        "can_connect_to_business", "has_main_web_app", "has_topics_enabled", "allows_users_to_create_topics",
        "can_manage_bots", "supports_join_request_queries")) {
      me.put(flag, "can_join_groups".equals(flag));
    }
    return me;
  }

  private ArrayNode getUpdates(JsonNode args) {
    long offset = args.path("offset").asLong(0);
    int limit = args.has("limit") ? args.get("limit").asInt() : 100;
    if (offset > 0) {
      updates.removeIf(u -> u.path("update_id").asLong() < offset);
    }
    ArrayNode out = MAPPER.createArrayNode();
    for (ObjectNode u : updates) {
      if (out.size() >= Math.max(1, Math.min(100, limit))) {
        break;
      }
      out.add(u.deepCopy());
    }
    return out;
  }

  private void sendMessage(HttpExchange ex, JsonNode args) throws IOException {
    JsonNode chatArg = args.get("chat_id");
    long chatId;
    try {
      chatId = chatArg.isNumber() ? chatArg.asLong() : Long.parseLong(chatArg.asText());
    } catch (NumberFormatException e) {
      error(ex, 400, "Bad Request: chat not found", null);
      return;
    }
    String text = args.get("text").asText();
    if (!chats.contains(chatId)) {
      error(ex, 400, "Bad Request: chat not found", null);
      return;
    }
    if (text.isBlank()) {
      error(ex, 400, "Bad Request: message text is empty", null);
      return;
    }
    if (text.codePointCount(0, text.length()) > 4096) {
      error(ex, 400, "Bad Request: message is too long", null);
      return;
    }
    sent.add(new Sent(chatId, text, args.deepCopy()));
    ObjectNode m = MAPPER.createObjectNode();
    m.put("message_id", nextMessage++);
    m.put("date", clock.instant().getEpochSecond());
    ObjectNode chat = m.putObject("chat");
    chat.put("id", chatId);
    chat.put("type", chatId > 0 ? "private" : "group");
    ObjectNode from = m.putObject("from");
    from.put("id", BOT_ID);
    from.put("is_bot", true);
    from.put("first_name", "Aegis");
    from.put("username", BOT_USERNAME);
    m.put("text", text);
    ok(ex, m);
  }

  private static void ok(HttpExchange ex, JsonNode result) throws IOException {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("ok", true);
    o.set("result", result);
    write(ex, 200, o);
  }

  private static void error(HttpExchange ex, int code, String description, ObjectNode parameters) throws IOException {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("ok", false);
    o.put("error_code", code);
    o.put("description", description);
    if (parameters != null) {
      o.set("parameters", parameters);
    }
    write(ex, code, o);
  }

  private static void write(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
