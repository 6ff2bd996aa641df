package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.github.Records.Account;
import dev.aegis.testkit.github.Records.VariableRec;
import java.util.List;

/** The repository itself, collaborator permission, Actions variables, the rate limit and the caller's account. */
final class RepoRoutes {
  private final Accounts accounts;
  private final RateLimits rateLimits;

  RepoRoutes(Accounts accounts, RateLimits rateLimits) {
    this.accounts = accounts;
    this.rateLimits = rateLimits;
  }

  void register(Router router) {
    String repo = "/repos/{owner}/{repo}";
    router.add("GET", repo, this::repository);
    router.add("GET", repo + "/collaborators/{username}/permission", this::permission);
    router.add("GET", repo + "/actions/variables", this::variables);
    router.add("GET", repo + "/actions/secrets", this::secrets);
    router.add("POST", repo + "/actions/variables", this::createVariable);
    router.add("GET", repo + "/actions/variables/{name}", this::variable);
    router.add("PATCH", repo + "/actions/variables/{name}", this::updateVariable);
    router.add("GET", "/rate_limit", this::rateLimit);
    router.add("GET", "/user", this::authenticatedUser);
  }

  /**
   * {@code GET /repos/{owner}/{repo}}. A user's token sees its {@code permissions}; an installation token (a bot
   * caller) gets none here: GitHub's schema makes the field optional, and the fake takes the cautious reading
   * (Aegis must then treat push access as unknown, not as granted).
   */
  private Reply repository(Call call) {
    ObjectNode n = call.shapes().fullRepository(call.repo());
    if (!call.caller().bot()) {
      Role role = call.repo().effectiveRole(call.caller().login());
      ObjectNode p = n.putObject("permissions");
      p.put("admin", role.atLeast(Role.ADMIN));
      p.put("maintain", role.atLeast(Role.MAINTAIN));
      p.put("push", role.atLeast(Role.WRITE));
      p.put("triage", role.atLeast(Role.TRIAGE));
      p.put("pull", role.atLeast(Role.READ));
    }
    return Reply.ok(n);
  }

  private Reply permission(Call call) {
    Account user = accounts.find(call.param("username")).orElseThrow(ApiError::notFound);
    Role role = call.repo().effectiveRole(user.login());
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("permission", role.legacyPermission());
    n.put("role_name", role.roleName());
    ObjectNode collaborator = call.shapes().user(user);
    collaborator.put("role_name", role.roleName());
    n.set("user", collaborator);
    return Reply.ok(n);
  }

  private Reply variables(Call call) {
    call.require(Role.WRITE);
    List<VariableRec> all = call.repo().variables();
    int perPage = Math.max(1, Math.min(30, Integer.parseInt(call.query("per_page", "10"))));
    int page = Math.max(1, Integer.parseInt(call.query("page", "1")));
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("total_count", all.size());
    ArrayNode items = n.putArray("variables");
    all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(v -> items.add(call.shapes().variable(v)));
    return Reply.ok(n);
  }

  /** Names and dates only, as GitHub lists them: a secret's value is never readable. */
  private Reply secrets(Call call) {
    call.require(Role.ADMIN);
    List<String> all = call.repo().secretNames();
    int perPage = Math.max(1, Math.min(100, Integer.parseInt(call.query("per_page", "30"))));
    int page = Math.max(1, Integer.parseInt(call.query("page", "1")));
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("total_count", all.size());
    ArrayNode items = n.putArray("secrets");
    all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(name -> items.addObject()
        .put("name", name).put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z"));
    return Reply.ok(n);
  }

  private Reply variable(Call call) {
    call.require(Role.WRITE);
    VariableRec v = call.repo().variable(call.param("name")).orElseThrow(ApiError::notFound);
    return Reply.ok(call.shapes().variable(v));
  }

  private Reply createVariable(Call call) {
    call.require(Role.WRITE);
    String name = call.requiredText("name");
    String value = call.requiredText("value");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.toUpperCase(java.util.Locale.ROOT).startsWith("GITHUB_")) {
      throw ApiError.invalid("name", "invalid");
    }
    call.repo().createVariable(name, value)
        .orElseThrow(() -> ApiError.status(409, "Already exists - Variable already exists"));
    return Reply.created(Shapes.JSON.createObjectNode());
  }

  private Reply updateVariable(Call call) {
    call.require(Role.WRITE);
    String value = call.json().path("value").textValue();
    VariableRec current = call.repo().variable(call.param("name")).orElseThrow(ApiError::notFound);
    call.repo().updateVariable(current.name(), value == null ? current.value() : value);
    return Reply.noContent();
  }

  /**
   * Who the token acts as. GitHub refuses this to app installation tokens (the Actions {@code GITHUB_TOKEN}
   * included) with 403 "Resource not accessible by integration"; the fake does the same for every bot.
   */
  private Reply authenticatedUser(Call call) {
    if (call.caller().bot()) {
      throw ApiError.status(403, "Resource not accessible by integration");
    }
    return Reply.ok(call.shapes().publicUser(call.caller()));
  }

  private Reply rateLimit(Call call) {
    RateLimits.Budget core = rateLimits.peek(call.caller().login());
    ObjectNode n = Shapes.JSON.createObjectNode();
    ObjectNode resources = n.putObject("resources");
    resources.set("core", budget(core));
    resources.set("search", budget(new RateLimits.Budget(30, 30, core.reset())));
    resources.set("graphql", budget(new RateLimits.Budget(5000, 5000, core.reset())));
    resources.set("integration_manifest", budget(new RateLimits.Budget(5000, 5000, core.reset())));
    resources.set("source_import", budget(new RateLimits.Budget(100, 100, core.reset())));
    resources.set("code_search", budget(new RateLimits.Budget(10, 10, core.reset())));
    resources.set("actions_runner_registration", budget(new RateLimits.Budget(10000, 10000, core.reset())));
    n.set("rate", budget(core));
    return Reply.ok(n);
  }

  private static ObjectNode budget(RateLimits.Budget b) {
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("limit", b.limit());
    n.put("remaining", b.remaining());
    n.put("reset", b.reset().getEpochSecond());
    n.put("used", b.used());
    return n;
  }
}
