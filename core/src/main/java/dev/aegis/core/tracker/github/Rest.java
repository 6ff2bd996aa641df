package dev.aegis.core.tracker.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.CacheControl;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Direct REST calls for what hub4j has no method for, or only one that costs extra requests: same OkHttp
 * client, cache and retries as hub4j's calls. GETs revalidate cached answers with {@code If-None-Match}.
 */
final class Rest {
  static final ObjectMapper JSON = Mappers.JSON;
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final CacheControl REVALIDATE = new CacheControl.Builder().maxAge(0, TimeUnit.SECONDS).build();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final OkHttpClient client;
  private final HttpUrl root;
  private final java.util.function.Supplier<String> token;
  private final Clock clock;

  /** @param token the token for each request (an App's installation token is replaced before it expires) */
  Rest(OkHttpClient client, URI apiUrl, java.util.function.Supplier<String> token, Clock clock) {
    this.client = client;
    this.root = HttpUrl.get(apiUrl.toString());
    this.token = token;
    this.clock = clock;
  }

  /**
   * GET one object. {@code path} is relative to the API root and already percent-encoded: build dynamic parts
   * with {@link Mapping#segment} (one segment) or {@link Mapping#segments} (a branch name with slashes).
   */
  JsonNode get(String path, Map<String, String> query) throws IOException {
    return execute(request(url(path, query)).cacheControl(REVALIDATE).get().build()).body();
  }

  /** GET one object, or empty when GitHub answers 404; {@code path} as for {@link #get}. */
  Optional<JsonNode> find(String path, Map<String, String> query) throws IOException {
    try {
      return Optional.of(get(path, query));
    } catch (GitHubHttpException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** GET every page of a listing, following {@code Link: rel="next"}. */
  List<JsonNode> list(String path, Map<String, String> query) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    HttpUrl next = url(path, query);
    while (next != null) {
      Answer page = execute(request(next).cacheControl(REVALIDATE).get().build());
      page.body().forEach(items::add);
      Matcher link = NEXT.matcher(page.link() == null ? "" : page.link());
      next = link.find() ? HttpUrl.get(link.group(1)) : null;
    }
    return items;
  }

  /** POST, PATCH, PUT or DELETE with an optional JSON body; returns the answer's JSON (missing when empty). */
  JsonNode send(String method, String path, Object body) throws IOException {
    RequestBody payload = body == null ? (method.equals("DELETE") ? null : RequestBody.create(new byte[0]))
        : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
    return execute(request(url(path, Map.of())).method(method, payload).build()).body();
  }

  private HttpUrl url(String path, Map<String, String> query) {
    HttpUrl.Builder url = root.newBuilder().addEncodedPathSegments(path);
    query.forEach(url::addQueryParameter);
    return url.build();
  }

  private Request.Builder request(HttpUrl url) {
    return new Request.Builder().url(url)
        .header("Authorization", "token " + token.get())
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("User-Agent", "aegis");
  }

  private Answer execute(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw new GitHubHttpException(response.code(), request.url().toString(), Failures.messageOf(text),
            RateLimitWait.of(response.code(), response::header, clock.instant()).orElse(null));
      }
      return new Answer(text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text), response.header("Link"));
    }
  }

  private record Answer(JsonNode body, String link) {}
}
