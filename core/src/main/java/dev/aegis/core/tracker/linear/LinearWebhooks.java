package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.linear.LinearWebhookEvent.Actor;
import dev.aegis.core.tracker.linear.LinearWebhookEvent.CommentData;
import dev.aegis.core.tracker.linear.LinearWebhookEvent.IssueData;
import dev.aegis.core.tracker.linear.LinearWebhookEvent.Team;
import dev.aegis.core.tracker.linear.LinearWebhookException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Linear webhook deliveries the way Linear's SDK does: the {@code Linear-Signature} header must be the
 * hex HMAC-SHA256 of the raw body keyed with the webhook's signing secret (compared in constant time), and the
 * signed body's {@code webhookTimestamp} (Unix milliseconds) must be within a minute of now, which stops replays.
 * Hand it the body exactly as received: re-serialised JSON does not verify.
 */
public final class LinearWebhooks {
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "Linear-Signature";
  /** How far {@code webhookTimestamp} may be from now. */
  public static final Duration TOLERANCE = Duration.ofMinutes(1);

  private final byte[] secret;
  private final Clock clock;

  /**
   * @param secret the signing secret Linear shows for the webhook, never blank
   * @param clock the time the timestamp is compared with
   */
  public LinearWebhooks(String secret, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the Linear webhook secret is empty (LINEAR_WEBHOOK_SECRET)");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks signature and timestamp, then reads the event.
   *
   * @param rawBody the request body, byte for byte
   * @param signature the {@code Linear-Signature} header, or null when absent
   * @throws LinearWebhookException when the delivery must be refused
   */
  public LinearWebhookEvent verify(byte[] rawBody, String signature) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signature == null || signature.isBlank()) {
      throw new LinearWebhookException(Reason.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER + " header");
    }
    byte[] expected = hmacHex(rawBody).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
      throw new LinearWebhookException(Reason.BAD_SIGNATURE,
          SIGNATURE_HEADER + " does not match the body; check LINEAR_WEBHOOK_SECRET against the webhook's secret");
    }
    JsonNode body = parse(rawBody);
    Instant sentAt = sentAt(body);
    Duration skew = Duration.between(sentAt, clock.instant()).abs();
    if (skew.compareTo(TOLERANCE) > 0) {
      throw new LinearWebhookException(Reason.STALE_TIMESTAMP,
          "webhookTimestamp is " + skew.toSeconds() + " s away from now (at most 60 s is accepted)");
    }
    return event(body, sentAt);
  }

  /**
   * Reads a delivery that was verified already (by the host's endpoint, with {@link #verify}), without checking
   * signature or time again: for the core entry the host hands the verified body to.
   *
   * @param rawBody the body as received
   * @throws LinearWebhookException when it is not Linear's JSON or has no {@code webhookTimestamp}
   */
  public static LinearWebhookEvent read(byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    JsonNode body = parse(rawBody);
    return event(body, sentAt(body));
  }

  private static LinearWebhookEvent event(JsonNode body, Instant sentAt) {
    return new LinearWebhookEvent(
        body.path("type").asText(""),
        body.path("action").asText(""),
        sentAt,
        body.path("webhookId").asText(""),
        actor(body.path("actor")),
        "Issue".equals(body.path("type").asText()) ? issue(body.path("data")) : null,
        "Comment".equals(body.path("type").asText()) ? comment(body.path("data")) : null);
  }

  String hmacHex(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static JsonNode parse(byte[] rawBody) {
    try {
      JsonNode body = Mappers.JSON.readTree(rawBody);
      if (body == null || !body.isObject()) {
        throw new LinearWebhookException(Reason.MALFORMED, "the webhook body is not a JSON object");
      }
      return body;
    } catch (IOException e) {
      throw new LinearWebhookException(Reason.MALFORMED, "the webhook body is not JSON");
    }
  }

  private static Instant sentAt(JsonNode body) {
    JsonNode timestamp = body.path("webhookTimestamp");
    if (!timestamp.isNumber()) {
      throw new LinearWebhookException(Reason.MISSING_TIMESTAMP, "the webhook body has no webhookTimestamp");
    }
    return Instant.ofEpochMilli(timestamp.asLong());
  }

  private static Actor actor(JsonNode actor) {
    return actor.isObject()
        ? new Actor(text(actor, "id"), text(actor, "name"), text(actor, "email"), text(actor, "type"))
        : null;
  }

  private static IssueData issue(JsonNode data) {
    List<String> labels = new ArrayList<>();
    data.path("labels").forEach(l -> labels.add(l.path("name").asText()));
    JsonNode state = data.path("state");
    return new IssueData(text(data, "id"), text(data, "identifier"), text(data, "title"),
        text(data, "description"), team(data.path("team"), text(data, "teamId")), firstNonNull(text(state, "id"),
        text(data, "stateId")), text(state, "name"), text(state, "type"), labels, text(data, "url"));
  }

  private static CommentData comment(JsonNode data) {
    JsonNode issue = data.path("issue");
    JsonNode user = data.path("user");
    return new CommentData(text(data, "id"), text(data, "body"), firstNonNull(text(issue, "id"),
        text(data, "issueId")), text(issue, "identifier"), team(issue.path("team"), text(issue, "teamId")),
        firstNonNull(text(user, "id"), text(data, "userId")), text(user, "email"), text(user, "name"));
  }

  private static Team team(JsonNode team, String fallbackId) {
    if (!team.isObject()) {
      return fallbackId == null ? null : new Team(fallbackId, null, null);
    }
    return new Team(text(team, "id"), text(team, "key"), text(team, "name"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
