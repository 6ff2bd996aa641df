package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.github.Records.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitHub App authentication as GitHub documents it: {@code GET /app} and {@code GET /repos/{owner}/{repo}/installation}
 * answer an App's JWT; {@code POST /app/installations/{installation_id}/access_tokens} mints an installation token
 * that acts as {@code <slug>[bot]} and expires after one hour (the fake's clock), optionally narrowed to named
 * repositories and permissions. A personal or installation token on these routes gets 401, as on GitHub
 * ("A JSON web token could not be decoded").
 */
final class AppRoutes {
  static final String INSTALLATION_ROUTE = "/repos/{owner}/{repo}/installation";
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
  private static final Map<String, String> GRANTED = Map.of("contents", "write", "issues", "write",
      "pull_requests", "write", "metadata", "read");

  private final Accounts accounts;
  private final Clock clock;
  private final Random random = new Random(11);
  private final List<MintedToken> minted = new CopyOnWriteArrayList<>();

  AppRoutes(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  void register(Router router) {
    router.add("GET", "/app", this::app);
    router.add("GET", INSTALLATION_ROUTE, this::installation);
    router.add("POST", "/app/installations/{installation_id}/access_tokens", this::accessToken);
  }

  List<MintedToken> minted() {
    return List.copyOf(minted);
  }

  private FakeApp caller(Call call) {
    return accounts.appBySlug(call.caller().login())
        .filter(a -> !call.caller().login().endsWith("[bot]"))
        .orElseThrow(() -> ApiError.status(401, "A JSON web token could not be decoded"));
  }

  private Reply app(Call call) {
    FakeApp app = caller(call);
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("id", app.id());
    n.put("slug", app.slug());
    n.put("node_id", "A_" + app.id());
    n.put("client_id", "Iv1." + HexFormat.of().toHexDigits(app.id()));
    n.set("owner", call.shapes().user(accounts.account("octo-org")));
    n.put("name", app.slug());
    n.putNull("description");
    n.put("external_url", "https://example.com");
    n.put("html_url", "https://github.com/apps/" + app.slug());
    n.put("created_at", "2026-01-01T00:00:00Z");
    n.put("updated_at", "2026-01-01T00:00:00Z");
    ObjectNode permissions = n.putObject("permissions");
    GRANTED.forEach(permissions::put);
    n.putArray("events").add("issues").add("issue_comment");
    n.put("installations_count", 1);
    return Reply.ok(n);
  }

  private Reply installation(Call call) {
    FakeApp app = caller(call);
    String repository = call.param("owner") + "/" + call.param("repo");
    long id = app.installationOn(repository).orElseThrow(ApiError::notFound);
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("id", id);
    n.set("account", call.shapes().user(accounts.account(call.param("owner"))));
    n.put("repository_selection", "selected");
    n.put("access_tokens_url", "/app/installations/" + id + "/access_tokens");
    n.put("repositories_url", "/installation/repositories");
    n.put("html_url", "https://github.com/settings/installations/" + id);
    n.put("app_id", app.id());
    n.put("app_slug", app.slug());
    n.put("target_id", 1);
    n.put("target_type", "Organization");
    ObjectNode permissions = n.putObject("permissions");
    GRANTED.forEach(permissions::put);
    n.putArray("events").add("issues");
    n.put("created_at", "2026-01-01T00:00:00Z");
    n.put("updated_at", "2026-01-01T00:00:00Z");
    n.putNull("single_file_name");
    n.putNull("suspended_by");
    n.putNull("suspended_at");
    return Reply.ok(n);
  }

  private Reply accessToken(Call call) {
    FakeApp app = caller(call);
    long id = call.longParam("installation_id");
    if (!app.hasInstallation(id)) {
      throw ApiError.notFound();
    }
    JsonNode body = call.json();
    List<String> repositories = new java.util.ArrayList<>();
    body.path("repositories").forEach(r -> repositories.add(r.asText()));
    Map<String, String> permissions = new java.util.TreeMap<>();
    body.path("permissions").fields().forEachRemaining(e -> permissions.put(e.getKey(), e.getValue().asText()));
    for (Map.Entry<String, String> p : permissions.entrySet()) {
      String granted = GRANTED.get(p.getKey());
      if (granted == null || ("write".equals(p.getValue()) && !"write".equals(granted))) {
        throw ApiError.status(422, "The permissions requested are not granted to this installation.");
      }
    }
    byte[] bytes = new byte[18];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    String token = "ghs_" + HexFormat.of().formatHex(bytes);
    Instant expires = clock.instant().plus(TOKEN_LIFETIME);
    accounts.addToken(token, app.botLogin(), expires);
    minted.add(new MintedToken(id, token, expires, List.copyOf(repositories), Map.copyOf(permissions)));
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("token", token);
    n.put("expires_at", expires.toString());
    ObjectNode granted = n.putObject("permissions");
    (permissions.isEmpty() ? GRANTED : permissions).forEach(granted::put);
    n.put("repository_selection", repositories.isEmpty() ? "all" : "selected");
    return Reply.created(n);
  }

  static boolean isAppPrincipal(Accounts accounts, Account caller) {
    return !caller.login().endsWith("[bot]") && accounts.appBySlug(caller.login()).isPresent();
  }
}
