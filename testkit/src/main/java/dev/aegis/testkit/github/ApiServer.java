package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aegis.testkit.github.Records.Account;
import dev.aegis.testkit.github.Router.Match;
import dev.aegis.testkit.hold.Holds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP side of the fake: authenticates, applies the rate limit and armed faults, routes, adds GitHub's
 * headers (rate limit, ETag, caching), answers 304 to a matching {@code If-None-Match}, records the request,
 * and checks the exchange against the OpenAPI description before answering.
 */
final class ApiServer implements HttpHandler {
  private static final String DOCS = "https://docs.github.com/rest";
  private static final String RATE_LIMIT_ROUTE = "/rate_limit";

  private final Router router;
  private final Accounts accounts;
  private final Function<String, Optional<RepoState>> repos;
  private final RateLimits rateLimits;
  private final Faults faults;
  private final Clock clock;
  private final Consumer<RecordedRequest> log;
  private final Consumer<ContractViolation> violations;
  private final Supplier<ContractValidator> contract;
  private final Holds<HoldKey> holds;
  private final String webRoot;

  /** The fake's parts this server reads and reports to. */
  record Parts(Router router, Accounts accounts, Function<String, Optional<RepoState>> repos,
      RateLimits rateLimits, Faults faults, Clock clock, Consumer<RecordedRequest> log,
      Consumer<ContractViolation> violations, Supplier<ContractValidator> contract, Holds<HoldKey> holds) {}

  /** What a hold sees of a request: method, route template (or raw path when unrouted) and body text. */
  record HoldKey(String method, String route, String body) {}

  ApiServer(Parts parts, String webRoot) {
    this.router = parts.router();
    this.accounts = parts.accounts();
    this.repos = parts.repos();
    this.rateLimits = parts.rateLimits();
    this.faults = parts.faults();
    this.clock = parts.clock();
    this.log = parts.log();
    this.violations = parts.violations();
    this.contract = parts.contract();
    this.holds = parts.holds();
    this.webRoot = webRoot;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Incoming in = Incoming.read(ex);
      Optional<Match> match = router.match(in.method(), in.segments());
      String text = new String(in.body(), StandardCharsets.UTF_8);
      if (!holds.pass(new HoldKey(in.method(), match.map(m -> m.route().template()).orElse(in.path()), text), text)) {
        dropped(ex);
        return;
      }
      Optional<Account> caller = authenticate(in.authorization());
      Reply reply = serve(in, match, caller);
      Outgoing out = finish(in, match, caller.map(Account::login).orElse(""), reply);
      String route = match.map(m -> m.route().template()).orElse(in.path());
      log.accept(new RecordedRequest(in.method(), route, in.path(), in.rawQuery(), out.status(),
          caller.map(Account::login).orElse(""), in.prefix()));
      check(in, match, out);
      out.headers().forEach((name, value) -> ex.getResponseHeaders().set(name, value));
      ex.sendResponseHeaders(out.status(), out.body().length == 0 ? -1 : out.body().length);
      if (out.body().length > 0) {
        ex.getResponseBody().write(out.body());
      }
    }
  }

  /** A held request that was dropped: never served nor recorded; 502 to a client that may be gone. */
  private static void dropped(HttpExchange ex) {
    try {
      ex.sendResponseHeaders(502, -1);
    } catch (IOException e) {
      // the client is gone (a test killed it): nobody to answer
    }
  }

  private Reply serve(Incoming in, Optional<Match> match, Optional<Account> caller) {
    if (caller.isEmpty()) {
      return error(401, "Bad credentials", null);
    }
    if (match.isEmpty()) {
      return error(404, "Not Found", null);
    }
    Account who = caller.get();
    String template = match.get().route().template();
    if (!template.equals(RATE_LIMIT_ROUTE) && rateLimits.peek(who.login()).remaining() == 0) {
      return error(403, "API rate limit exceeded for user ID " + who.id() + ".", null);
    }
    Optional<Fault> fault = faults.take(in.method(), template);
    if (fault.isPresent()) {
      return faultReply(fault.get());
    }
    Map<String, String> params = match.get().params();
    RepoState repo = null;
    if (params.containsKey("owner") && params.containsKey("repo")) {
      boolean appAsksForItsInstallation = template.equals(AppRoutes.INSTALLATION_ROUTE)
          && AppRoutes.isAppPrincipal(accounts, who);
      repo = repos.apply(params.get("owner") + "/" + params.get("repo"))
          .filter(r -> appAsksForItsInstallation || r.effectiveRole(who.login()).atLeast(Role.READ))
          .orElse(null);
      if (repo == null) {
        return error(404, "Not Found", null);
      }
    }
    Shapes shapes = new Shapes(webRoot + in.prefix(), webRoot, accounts);
    Call call = new Call(in.method(), in.path(), in.rawQuery(), params, in.query(), in.body(), who, repo, shapes);
    try {
      return match.get().route().handler().handle(call);
    } catch (ApiError e) {
      return error(e.status(), e.getMessage(), e);
    } catch (RuntimeException e) {
      violations.accept(new ContractViolation(in.method(), in.path(), 500, "fake.internal", String.valueOf(e)));
      return error(500, "Server Error", null);
    }
  }

  /** Serialises the reply, adds GitHub's headers, turns a matching conditional GET into a free 304. */
  private Outgoing finish(Incoming in, Optional<Match> match, String login, Reply reply) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = reply.body() == null ? new byte[0] : Shapes.JSON.writeValueAsBytes(reply.body());
    int status = reply.status();
    boolean costs = status != 401 && !match.map(m -> m.route().template().equals(RATE_LIMIT_ROUTE)).orElse(false);
    if (in.method().equals("GET") && status == 200) {
      String etag = "W/\"" + sha256(body) + "\"";
      headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
      headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
      headers.put("ETag", etag);
      if (in.ifNoneMatch() != null && List.of(in.ifNoneMatch().split(",\\s*")).contains(etag)) {
        status = 304;
        body = new byte[0];
        costs = false;
      }
    }
    // spending an exhausted budget leaves it at zero, so refused calls need no special case
    RateLimits.Budget budget = costs ? rateLimits.spend(login) : rateLimits.peek(login);
    headers.put("x-ratelimit-limit", Integer.toString(budget.limit()));
    headers.put("x-ratelimit-remaining", Integer.toString(budget.remaining()));
    headers.put("x-ratelimit-reset", Long.toString(budget.reset().getEpochSecond()));
    headers.put("x-ratelimit-used", Integer.toString(budget.used()));
    headers.put("x-ratelimit-resource", "core");
    headers.put("x-github-media-type", "github.v3; format=json");
    headers.put("x-github-api-version-selected", "2022-11-28");
    headers.put("x-github-request-id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
    headers.putAll(reply.headers());
    if (body.length > 0) {
      headers.put("Content-Type", "application/json; charset=utf-8");
    }
    return new Outgoing(status, headers, body);
  }

  private void check(Incoming in, Optional<Match> match, Outgoing out) {
    if (match.isEmpty()) {
      violations.accept(new ContractViolation(in.method(), in.path(), out.status(), "fake.route.unknown",
          "the fake serves no such operation (is it in GitHub's description and in FakeGitHub's routes?)"));
      return;
    }
    ContractValidator validator = contract.get();
    if (validator != null) {
      validator.check(new ContractValidator.Exchange(in.method(), match.get().route().template(), in.path(),
          fill(match.get()), in.query(), in.contentType(), in.accept(), in.body(), out.status(), out.headers(),
          out.body())).forEach(violations);
    }
  }

  private Reply faultReply(Fault fault) {
    Reply reply = error(fault.status(), fault.message(), null);
    if (fault.retryAfter() != null) {
      reply = reply.withHeader("retry-after", Long.toString(fault.retryAfter().toSeconds()));
    }
    if (fault.resetIn() != null) {
      reply = reply.withHeader("x-ratelimit-remaining", "0")
          .withHeader("x-ratelimit-reset", Long.toString(clock.instant().plus(fault.resetIn()).getEpochSecond()));
    }
    return reply;
  }

  private static Reply error(int status, String message, ApiError e) {
    ObjectNode body = Shapes.JSON.createObjectNode();
    body.put("message", message);
    if (e != null && e.hasDetail()) {
      ObjectNode error = body.putArray("errors").addObject();
      error.put("resource", e.resource());
      if (e.field() != null) {
        error.put("field", e.field());
      }
      error.put("code", e.code());
      if (e.detail() != null) {
        error.put("message", e.detail());
      }
    }
    body.put("documentation_url", DOCS);
    if (status != 422) {
      // GitHub sends "status" on every error now, but its description of 422 bodies (validation-error) has no
      // such field and forbids extra ones
      body.put("status", Integer.toString(status));
    }
    return new Reply(status, body, Map.of());
  }

  private Optional<Account> authenticate(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !(parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"))) {
      return Optional.empty();
    }
    if (Jwts.looksLikeJwt(parts[1])) {
      // An App's JWT: checked against the wall clock, as the clients sign it with theirs.
      return Jwts.verify(parts[1], accounts, java.time.Instant.now()).flatMap(app -> accounts.find(app.slug()));
    }
    return accounts.byToken(parts[1], clock.instant());
  }

  /** The matched template with its parameters percent-encoded, so {@code heads/a/b} stays one parameter. */
  private static String fill(Match match) {
    StringBuilder out = new StringBuilder();
    for (String s : match.route().segments()) {
      boolean param = s.startsWith("{") && s.endsWith("}");
      out.append('/').append(param ? Shapes.pathSegment(match.params().get(s.substring(1, s.length() - 1))) : s);
    }
    return out.toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Outgoing(int status, Map<String, String> headers, byte[] body) {}
}
