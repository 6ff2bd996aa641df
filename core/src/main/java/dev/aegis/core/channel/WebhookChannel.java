package dev.aegis.core.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A signed generic webhook: every event is POSTed as JSON (schema in the README, "Webhooks") with
 * {@code X-Aegis-Event}, {@code X-Aegis-Delivery} (the same for a repeat of the same event) and
 * {@code X-Aegis-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}; the body carries the timestamp, so
 * the signature covers it. A 5xx, 408, 429 or a network failure is retried with backoff and jitter, a bounded
 * number of times; any other answer is final.
 */
final class WebhookChannel implements Channel {
  static final String EVENT = "X-Aegis-Event";
  static final String DELIVERY = "X-Aegis-Delivery";
  static final String SIGNATURE = "X-Aegis-Signature-256";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper MAPPER = dev.aegis.core.json.Mappers.JSON;

  private final HttpUrl url;
  private final byte[] secret;
  private final OkHttpClient http;
  private final Backoff backoff;

  WebhookChannel(HttpUrl url, String secret, OkHttpClient http, Backoff backoff) {
    this.url = Objects.requireNonNull(url, "url");
    this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
    this.http = Objects.requireNonNull(http, "http");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    if (this.secret.length == 0) {
      throw new IllegalArgumentException("a webhook needs a signing secret");
    }
  }

  @Override
  public String name() {
    return "webhook " + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
  }

  @Override
  public boolean wants(RunEvent.Kind kind) {
    return true;
  }

  @Override
  public void send(RunEvent event) throws ChannelException, InterruptedException {
    byte[] body = body(event);
    Request request = new Request.Builder().url(url)
        .header(EVENT, event.kind().wire())
        .header(DELIVERY, event.deliveryId())
        .header(SIGNATURE, "sha256=" + sign(secret, body))
        .header("User-Agent", "Aegis-Webhook")
        .post(RequestBody.create(body, JSON)).build();
    ChannelException last = null;
    for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
      if (attempt > 1) {
        backoff.pause(attempt - 1, last.retryAfter().orElse(null));
      }
      try (Response r = http.newCall(request).execute()) {
        if (r.isSuccessful()) {
          return;
        }
        last = new ChannelException("HTTP " + r.code() + " after " + attempt + " attempt" + (attempt == 1 ? "" : "s"),
            r.code(), retryAfter(r.header("Retry-After")));
        if (!retryable(r.code())) {
          throw last;
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("the channels' time budget ran out");
        }
        last = new ChannelException("no answer (" + e.getClass().getSimpleName() + ") after " + attempt
            + " attempt" + (attempt == 1 ? "" : "s"), 0, null);
      } catch (IOException e) {
        last = new ChannelException("could not be reached (" + e.getClass().getSimpleName() + ") after " + attempt
            + " attempt" + (attempt == 1 ? "" : "s"), 0, null);
      }
    }
    throw last;
  }

  private static boolean retryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private static Duration retryAfter(String header) {
    try {
      return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The event as the webhook's JSON: see the README's schema. */
  static byte[] body(RunEvent e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("delivery_id", e.deliveryId());
    o.put("event", e.kind().wire());
    o.put("timestamp", e.at().toString());
    o.put("run_id", e.runId());
    ObjectNode issue = o.putObject("issue");
    issue.put("id", e.issue());
    issue.put("url", e.issueUrl());
    issue.put("title", e.title());
    putIf(o, "summary", e.summary());
    putIf(o, "root_cause", e.why());
    putIf(o, "fix", e.fix());
    putIf(o, "risk", e.risk());
    putIf(o, "pull_request_url", e.link());
    putIf(o, "reason", e.reason());
    putIf(o, "by", e.by());
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (!value.isEmpty()) {
      o.put(name, value);
    }
  }

  /** Lowercase hex HMAC-SHA256 of {@code body} under {@code key}. */
  static String sign(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
