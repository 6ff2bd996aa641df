package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain JDK HTTP client speaking to the fake the way GitHub's documentation shows, for contract tests. */
final class RawGitHub {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String apiUrl;
  private final String token;
  private final java.time.Duration timeout;

  RawGitHub(String apiUrl, String token) {
    this(apiUrl, token, java.time.Duration.ofSeconds(30));
  }

  /** A client that gives up on an answer after {@code timeout} (an {@link UncheckedIOException}). */
  RawGitHub(String apiUrl, String token, java.time.Duration timeout) {
    this.apiUrl = apiUrl;
    this.token = token;
    this.timeout = timeout;
  }

  Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  Response get(String path, Map<String, String> headers) {
    return send("GET", path, null, headers);
  }

  Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, body, Map.of());
  }

  Response put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  Response send(String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : apiUrl + path))
          .header("Accept", "application/vnd.github+json")
          .header("X-GitHub-Api-Version", "2022-11-28")
          .timeout(timeout);
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
      return new Response(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }
}
