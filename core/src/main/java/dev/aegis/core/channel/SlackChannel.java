package dev.aegis.core.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A Slack incoming webhook: the RCA, the pull request, a block or a stop as one mrkdwn section (with the plain
 * text as the notification fallback). Slack answers {@code 200 ok}, or a status with an error word
 * ({@code 404 no_service}, {@code 400 invalid_payload}, {@code 410 channel_is_archived}); a 429 or 5xx is
 * tried again once. The webhook address is a secret: it is never named in a message.
 */
final class SlackChannel implements Channel {
  static final Set<RunEvent.Kind> KINDS =
      Set.of(RunEvent.Kind.PLANNED, RunEvent.Kind.PR_OPENED, RunEvent.Kind.BLOCKED, RunEvent.Kind.STOPPED);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper MAPPER = dev.aegis.core.json.Mappers.JSON;

  private final HttpUrl url;
  private final OkHttpClient http;
  private final Backoff backoff;

  SlackChannel(HttpUrl url, OkHttpClient http, Backoff backoff) {
    this.url = Objects.requireNonNull(url, "url");
    this.http = Objects.requireNonNull(http, "http");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public boolean wants(RunEvent.Kind kind) {
    return KINDS.contains(kind);
  }

  @Override
  public void send(RunEvent event) throws ChannelException, InterruptedException {
    String text = Messages.text(event, Messages.Answer.ON_THE_ISSUE);
    Request request = new Request.Builder().url(url).post(RequestBody.create(payload(text), JSON)).build();
    ChannelException last = null;
    for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
      if (attempt > 1) {
        backoff.pause(attempt - 1, last.retryAfter().orElse(null));
      }
      try (Response r = http.newCall(request).execute()) {
        String answer = answer(r.body());
        if (r.code() == 200) {
          return;
        }
        last = new ChannelException("Slack answered HTTP " + r.code() + " " + answer + hint(answer), r.code(),
            retryAfter(r.header("Retry-After")));
        if (r.code() != 429 && r.code() < 500) {
          throw last;
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("the channels' time budget ran out");
        }
        last = new ChannelException("Slack did not answer (" + e.getClass().getSimpleName() + ")", 0, null);
      } catch (IOException e) {
        last = new ChannelException("Slack could not be reached (" + e.getClass().getSimpleName() + ")", 0, null);
      }
    }
    throw last;
  }

  private static String hint(String answer) {
    return switch (answer) {
      case "no_service", "invalid_token", "no_service_id" ->
          ": the webhook was removed or its address is wrong; make a new one and update AEGIS_SLACK_WEBHOOK_URL";
      case "channel_is_archived", "channel_not_found" -> ": the webhook's channel is gone; point it at another channel";
      case "invalid_payload" -> ": Slack refused the message (report this to the Aegis maintainers)";
      default -> "";
    };
  }

  /** {@code {"text": plain fallback, "blocks": [one mrkdwn section]}}, escaped as Slack wants. */
  static byte[] payload(String text) {
    String escaped = escape(text);
    ObjectNode o = MAPPER.createObjectNode();
    o.put("text", escaped);
    ObjectNode section = o.putArray("blocks").addObject();
    section.put("type", "section");
    ObjectNode t = section.putObject("text");
    t.put("type", "mrkdwn");
    t.put("text", escaped.length() <= 3000 ? escaped : escaped.substring(0, 2999) + "…");
    o.put("unfurl_links", false);
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Slack's three control characters; everything else is shown as written. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String answer(ResponseBody body) throws IOException {
    String s = body == null ? "" : body.string().strip();
    return s.length() <= 60 ? s : s.substring(0, 60);
  }

  private static Duration retryAfter(String header) {
    try {
      return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
