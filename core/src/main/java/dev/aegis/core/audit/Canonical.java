package dev.aegis.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The canonical form an audit entry is hashed in: compact JSON, object keys sorted at every level. */
final class Canonical {
  private Canonical() {}

  static String json(ObjectMapper json, JsonNode node) {
    return sorted(json, node).toString();
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The hash of an entry: SHA-256 of the canonical JSON of every field but {@code hash}. */
  static String entryHash(ObjectMapper json, ObjectNode entry) {
    ObjectNode copy = entry.deepCopy();
    copy.remove("hash");
    return sha256(json(json, copy));
  }

  private static JsonNode sorted(ObjectMapper json, JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode out = json.createObjectNode();
      names.forEach(n -> out.set(n, sorted(json, node.get(n))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = json.createArrayNode();
      node.forEach(child -> out.add(sorted(json, child)));
      return out;
    }
    return node;
  }
}
