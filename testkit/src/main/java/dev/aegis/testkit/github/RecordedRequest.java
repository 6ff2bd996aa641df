package dev.aegis.testkit.github;

import java.util.Objects;

/**
 * One request the fake answered, for tests that count calls. Never holds a token.
 *
 * @param method HTTP method
 * @param route the OpenAPI path template that served it ({@code /repos/{owner}/{repo}/issues}), or the raw
 *     path when no route matched
 * @param path the request path without any {@code /api/v3} prefix
 * @param query the raw query string, empty when none
 * @param status the status sent; 0 when no answer was sent (a {@link Fault#timeout()} or {@link Fault#reset()})
 * @param login the caller's login, empty when unauthenticated
 * @param prefix {@code /api/v3} when the call came in the way GitHub Enterprise Server is called, else empty
 */
public record RecordedRequest(String method, String route, String path, String query, int status, String login,
    String prefix) {
  public RecordedRequest {
    prefix = Objects.requireNonNullElse(prefix, "");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(path, "path");
    query = Objects.requireNonNullElse(query, "");
    login = Objects.requireNonNullElse(login, "");
  }

  /** True when this request was {@code method} on the route template {@code route}. */
  public boolean is(String method, String route) {
    return this.method.equalsIgnoreCase(method) && this.route.equals(route);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
