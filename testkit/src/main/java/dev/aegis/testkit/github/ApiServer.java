package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aegis.testkit.github.Records.Account;
import dev.aegis.testkit.github.Router.Match;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The HTTP side of the fake: authenticates, applies the rate limit and armed faults, routes, adds GitHub's
 * headers (rate limit, ETag, caching), answers 304 to a matching {@code If-None-Match}, records the request,
 * and checks the exchange against the OpenAPI description.
 */
final class ApiServer implements HttpHandler {
  static final String ENTERPRISE_PREFIX = "/api/v3";
  private static final String DOCS = "https://docs.github.com/rest";

  private final Router router;
  private final Accounts accounts;
  private final Function<String, Optional<RepoState>> repos;
  private final RateLimits rateLimits;
  private final Faults faults;
  private final Clock clock;
  private final Consumer<RecordedRequest> log;
  private final Consumer<ContractViolation> violations;
  private final java.util.function.Supplier<ContractValidator> contract;
  private volatile String webRoot = "";

  ApiServer(Router router, Accounts accounts, Function<String, Optional<RepoState>> repos, RateLimits rateLimits,
      Faults faults, Clock clock, Consumer<RecordedRequest> log, Consumer<ContractViolation> violations,
      java.util.function.Supplier<ContractValidator> contract) {
    this.router = router;
    this.accounts = accounts;
    this.repos = repos;
    this.rateLimits = rateLimits;
    this.faults = faults;
    this.clock = clock;
    this.log = log;
    this.violations = violations;
    this.contract = contract;
  }

  void webRoot(String root) {
    this.webRoot = root;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = ex.getRequestURI().getRawPath();
      String prefix = rawPath.equals(ENTERPRISE_PREFIX) || rawPath.startsWith(ENTERPRISE_PREFIX + "/")
          ? ENTERPRISE_PREFIX : "";
      String path = rawPath.substring(prefix.length()).isEmpty() ? "/" : rawPath.substring(prefix.length());
      String rawQuery = Objects.requireNonNullElse(ex.getRequestURI().getRawQuery(), "");
      List<String> segments = new ArrayList<>();
      for (String s : path.substring(1).split("/", -1)) {
        segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
      Optional<Match> match = router.match(method, segments);
      Optional<Account> caller = authenticate(ex.getRequestHeaders());
      Shapes shapes = new Shapes(webRoot + prefix, webRoot, accounts);
      Map<String, List<String>> query = parseQuery(rawQuery);
      Reply reply = serve(method, path, rawQuery, query, body, match, caller, shapes);
      String login = caller.map(Account::login).orElse("");
      Map<String, String> headers = new LinkedHashMap<>();
      byte[] out = reply.body() == null ? new byte[0] : Shapes.JSON.writeValueAsBytes(reply.body());
      int status = reply.status();
      boolean countsAgainstLimit = !match.map(m -> m.route().template().equals("/rate_limit")).orElse(false);
      if (method.equals("GET") && status == 200) {
        String etag = "W/\"" + sha256(out) + "\"";
        headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
        headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        headers.put("ETag", etag);
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && List.of(ifNoneMatch.split(",\\s*")).contains(etag)) {
          status = 304;
          out = new byte[0];
          countsAgainstLimit = false;
        }
      }
      // spending an exhausted budget leaves it at zero, so refused calls need no special case
      RateLimits.Budget budget = countsAgainstLimit && status != 401
          ? rateLimits.spend(login) : rateLimits.peek(login);
      headers.put("x-ratelimit-limit", Integer.toString(budget.limit()));
      headers.put("x-ratelimit-remaining", Integer.toString(budget.remaining()));
      headers.put("x-ratelimit-reset", Long.toString(budget.reset().getEpochSecond()));
      headers.put("x-ratelimit-used", Integer.toString(budget.used()));
      headers.put("x-ratelimit-resource", "core");
      headers.put("x-github-media-type", "github.v3; format=json");
      headers.put("x-github-api-version-selected", "2022-11-28");
      headers.put("x-github-request-id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
      headers.putAll(reply.headers());
      if (out.length > 0) {
        headers.put("Content-Type", "application/json; charset=utf-8");
      }
      String route = match.map(m -> m.route().template()).orElse(path);
      log.accept(new RecordedRequest(method, route, path, rawQuery, status, login, prefix));
      if (match.isPresent()) {
        ContractValidator validator = contract.get();
        if (validator != null) {
          String validationPath = fill(match.get());
          validator.check(new ContractValidator.Exchange(method, route, path, validationPath, query,
              ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Accept"), body,
              status, headers, out)).forEach(violations);
        }
      } else {
        violations.accept(new ContractViolation(method, path, status, "fake.route.unknown",
            "the fake serves no such operation (is it in GitHub's description and in FakeGitHub's routes?)"));
      }
      headers.forEach((name, value) -> ex.getResponseHeaders().set(name, value));
      ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        ex.getResponseBody().write(out);
      }
    }
  }

  private Reply serve(String method, String path, String rawQuery, Map<String, List<String>> query, byte[] body,
      Optional<Match> match, Optional<Account> caller, Shapes shapes) {
    if (caller.isEmpty()) {
      return error(401, "Bad credentials", null);
    }
    if (match.isEmpty()) {
      return error(404, "Not Found", null);
    }
    Account who = caller.get();
    String template = match.get().route().template();
    if (!template.equals("/rate_limit")) {
      RateLimits.Budget budget = rateLimits.peek(who.login());
      if (budget.remaining() == 0) {
        return error(403, "API rate limit exceeded for user ID " + who.id() + ".", null);
      }
    }
    Optional<Fault> fault = faults.take(method, template);
    if (fault.isPresent()) {
      return faultReply(fault.get());
    }
    Map<String, String> params = match.get().params();
    RepoState repo = null;
    if (params.containsKey("owner") && params.containsKey("repo")) {
      repo = repos.apply(params.get("owner") + "/" + params.get("repo"))
          .filter(r -> r.effectiveRole(who.login()).atLeast(Role.READ))
          .orElse(null);
      if (repo == null) {
        return error(404, "Not Found", null);
      }
    }
    Call call = new Call(method, path, rawQuery, params, query, body, who, repo, shapes);
    try {
      return match.get().route().handler().handle(call);
    } catch (ApiError e) {
      return error(e.status(), e.getMessage(), e);
    } catch (RuntimeException e) {
      violations.accept(new ContractViolation(method, path, 500, "fake.internal", String.valueOf(e)));
      return error(500, "Server Error", null);
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
    if (e != null && e.field() != null) {
      ObjectNode error = body.putArray("errors").addObject();
      error.put("resource", "Resource");
      error.put("field", e.field());
      error.put("code", e.code());
    }
    body.put("documentation_url", DOCS);
    if (status != 422) {
      // GitHub sends "status" on every error now, but its description of 422 bodies (validation-error) has no
      // such field and forbids extra ones
      body.put("status", Integer.toString(status));
    }
    return new Reply(status, body, Map.of());
  }

  private Optional<Account> authenticate(Headers headers) {
    String auth = headers.getFirst("Authorization");
    if (auth == null) {
      return Optional.empty();
    }
    String[] parts = auth.trim().split("\\s+", 2);
    if (parts.length != 2 || !(parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"))) {
      return Optional.empty();
    }
    return accounts.byToken(parts[1]);
  }

  private static String fill(Match match) {
    String[] segments = match.route().segments();
    StringBuilder out = new StringBuilder();
    for (String s : segments) {
      boolean param = s.startsWith("{") && s.endsWith("}");
      out.append('/').append(param ? Shapes.pathSegment(match.params().get(s.substring(1, s.length() - 1))) : s);
    }
    return out.toString();
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

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
