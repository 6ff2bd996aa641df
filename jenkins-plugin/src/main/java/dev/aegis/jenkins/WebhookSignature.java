package dev.aegis.jenkins;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256} check: {@code sha256=} and the hex HMAC-SHA256 of the raw request
 * body keyed with the webhook secret, compared in constant time.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Hub-Signature-256";
  static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The outcome of a check. */
  public enum Verdict {
    VALID,
    /** No signature header: the sender is not configured with a secret. */
    MISSING,
    /** Not {@code sha256=} followed by 64 hex digits. */
    MALFORMED,
    /** Well-formed, but not this body signed with this secret. */
    MISMATCH
  }

  /**
   * @param secret the webhook secret (non-empty)
   * @param body the raw request body, exactly as received
   * @param header the {@code X-Hub-Signature-256} value, or null
   */
  public static Verdict verify(String secret, byte[] body, String header) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String value = header.trim();
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || value.length() != PREFIX.length() + 64) {
      return Verdict.MALFORMED;
    }
    byte[] provided;
    try {
      provided = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    return MessageDigest.isEqual(hmac(secret, body), provided) ? Verdict.VALID : Verdict.MISMATCH;
  }

  /** The header value GitHub sends for {@code body} signed with {@code secret}. */
  public static String sign(String secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  private static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
