package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status, a JSON body (null for none) and extra headers. */
record Reply(int status, JsonNode body, Map<String, String> headers) {
  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply ok(JsonNode body) {
    return new Reply(200, body, Map.of());
  }

  static Reply created(JsonNode body) {
    return new Reply(201, body, Map.of());
  }

  static Reply noContent() {
    return new Reply(204, null, Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, more);
  }
}
