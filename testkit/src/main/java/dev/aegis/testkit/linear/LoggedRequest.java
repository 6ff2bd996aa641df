package dev.aegis.testkit.linear;

import java.util.List;

/**
 * One request {@link FakeLinear} received.
 *
 * @param rootFields the root fields the document selects ({@code issues}, {@code commentCreate}); empty when
 *     the body did not parse
 * @param status the HTTP status answered
 */
public record LoggedRequest(String operationName, List<String> rootFields, int status) {
  public LoggedRequest {
    rootFields = List.copyOf(rootFields);
  }
}
