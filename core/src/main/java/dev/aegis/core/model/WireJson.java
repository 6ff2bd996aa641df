package dev.aegis.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers the wire formats share. */
final class WireJson {
  private WireJson() {}

  /** Parses a JSON object; a schema or argument text that is not one is a bug or a model slip. */
  static ObjectNode parseObject(ObjectMapper json, String text) {
    try {
      JsonNode node = json.readTree(text);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // fall through
    }
    return null;
  }

  /** Providers reject empty tool results; say so explicitly instead. */
  static String nonEmpty(String text) {
    return text.isEmpty() ? "(no output)" : text;
  }

  static ModelException badReply(String url, String what) {
    String where = JsonHttp.safe(url);
    return new ModelException(ModelException.Kind.BAD_RESPONSE,
        "the model API at " + where + " sent a reply Aegis cannot read: " + what, 200, where, null, null);
  }

  /**
   * A key for a run's requests to share a provider's prompt cache: the model, the system prompt and the tool
   * names, hashed (the same for every step of a run, different between runs of different kinds).
   */
  static String cacheKey(String model, ModelRequest request) {
    StringBuilder key = new StringBuilder(model).append('\n').append(request.system());
    request.tools().forEach(t -> key.append('\n').append(t.name()));
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "aegis-" + java.util.HexFormat.of().formatHex(digest, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
