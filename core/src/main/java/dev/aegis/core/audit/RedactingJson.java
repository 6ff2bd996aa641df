package dev.aegis.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.policy.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns event data into JSON with every string (values and keys) redacted. */
final class RedactingJson {
  private RedactingJson() {}

  static JsonNode tree(ObjectMapper json, Redactor redactor, Map<String, ?> data) {
    return redact(json, redactor, json.valueToTree(data));
  }

  static JsonNode redact(ObjectMapper json, Redactor redactor, JsonNode node) {
    if (node.isTextual()) {
      return json.getNodeFactory().textNode(redactor.redact(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode out = json.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.forEach(n -> out.set(redactor.redact(n), redact(json, redactor, node.get(n))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = json.createArrayNode();
      node.forEach(child -> out.add(redact(json, redactor, child)));
      return out;
    }
    return node;
  }
}
