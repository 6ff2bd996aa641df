package dev.aegis.testkit.github;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request as it arrived: method, the {@code /api/v3} prefix if any, the path without it (raw and as decoded
 * segments), the query, the headers that matter and the body.
 */
record Incoming(
    String method,
    String prefix,
    String path,
    List<String> segments,
    String rawQuery,
    Map<String, List<String>> query,
    String authorization,
    String contentType,
    String accept,
    String ifNoneMatch,
    byte[] body) {

  static final String ENTERPRISE_PREFIX = "/api/v3";

  static Incoming read(HttpExchange ex) throws IOException {
    String rawPath = ex.getRequestURI().getRawPath();
    String prefix = rawPath.equals(ENTERPRISE_PREFIX) || rawPath.startsWith(ENTERPRISE_PREFIX + "/")
        ? ENTERPRISE_PREFIX : "";
    String path = rawPath.substring(prefix.length()).isEmpty() ? "/" : rawPath.substring(prefix.length());
    List<String> segments = new ArrayList<>();
    for (String s : path.substring(1).split("/", -1)) {
      segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    String rawQuery = Objects.requireNonNullElse(ex.getRequestURI().getRawQuery(), "");
    var headers = ex.getRequestHeaders();
    return new Incoming(ex.getRequestMethod().toUpperCase(Locale.ROOT), prefix, path, List.copyOf(segments),
        rawQuery, parseQuery(rawQuery), headers.getFirst("Authorization"), headers.getFirst("Content-Type"),
        headers.getFirst("Accept"), headers.getFirst("If-None-Match"), ex.getRequestBody().readAllBytes());
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }
}
