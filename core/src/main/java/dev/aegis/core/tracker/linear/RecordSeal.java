package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.json.Mappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals Aegis's records on Linear so that only a holder of the API key can write one Aegis trusts: an HMAC-SHA256
 * over the issue, the record's name and its data, keyed with {@code LINEAR_API_KEY}.
 *
 * <p>Why a creator check is not enough: Linear documents that creating an attachment with a URL the issue already has
 * updates the existing one, and any member of the workspace may do that (or call {@code attachmentUpdate}), while the
 * attachment keeps its first creator. A seal keeps such an edit from passing for Aegis's own. The seal reveals
 * nothing about the key. A new API key cannot verify records the old one sealed: Aegis then ignores them (a run
 * in flight is taken over after the claim grace period, as if it had crashed).
 */
final class RecordSeal {
  private static final String VERSION = "aegis-record-1";

  private final ObjectMapper json = Mappers.JSON;
  private final byte[] key;

  RecordSeal(String apiKey) {
    this.key = apiKey.getBytes(StandardCharsets.UTF_8);
  }

  /** The seal of a record (hex). */
  String seal(String issue, String name, Map<String, String> data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String message = json.writeValueAsString(List.of(VERSION, issue.toUpperCase(Locale.ROOT), name,
          new TreeMap<>(data)));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("cannot seal an Aegis record", e);
    }
  }

  /** True when {@code seal} is the seal of this record (compared in constant time). */
  boolean verifies(String issue, String name, Map<String, String> data, String seal) {
    byte[] expected = seal(issue, name, data).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.US_ASCII));
  }
}
