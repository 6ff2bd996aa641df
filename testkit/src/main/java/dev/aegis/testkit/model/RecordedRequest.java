package dev.aegis.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the scripted server received.
 *
 * @param wire the wire format, null for an unknown path
 * @param path the request path
 * @param headers headers by lower-case name
 * @param body the raw body
 * @param json the parsed body, a missing node when it was not JSON
 * @param answeredStatus the status the server answered
 */
public record RecordedRequest(
    Wire wire, String path, Map<String, List<String>> headers, String body, JsonNode json, int answeredStatus) {
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of header {@code name} (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
