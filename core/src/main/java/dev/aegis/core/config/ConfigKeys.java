package dev.aegis.core.config;

import static dev.aegis.core.config.ConfigKey.Kind.BOOLEAN;
import static dev.aegis.core.config.ConfigKey.Kind.DECIMAL;
import static dev.aegis.core.config.ConfigKey.Kind.LIST;
import static dev.aegis.core.config.ConfigKey.Kind.STRING;
import static dev.aegis.core.config.ConfigKey.Kind.WHOLE;

import dev.aegis.core.text.Closest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every documented configuration key, in the order the docs list them. A key that is not here is an error
 * in {@code .aegis/config.yml}.
 */
public final class ConfigKeys {
  public static final String TRACKERS = "trackers";
  public static final String GITHUB_REPOSITORY = "github.repository";
  public static final String GITHUB_API_URL = "github.api-url";
  public static final String GITHUB_LOGIN = "github.login";
  public static final String LABEL_READY = "labels.ready";
  public static final String LABEL_BUG = "labels.bug";
  public static final String MODE = "mode";
  public static final String CONTEXT = "context";
  public static final String PRODUCTION_MAX_ROWS = "production.max-rows";
  public static final String PRODUCTION_STATEMENT_TIMEOUT = "production.statement-timeout-seconds";
  public static final String PRODUCTION_MASKED_COLUMNS = "production.masked-columns";
  public static final String PRODUCTION_ALLOWED_COLUMNS = "production.allowed-columns";
  public static final String MAX_CONCURRENT_RUNS = "max-concurrent-runs";
  public static final String MODEL = "model";
  public static final String MODEL_BASE_URL = "model-base-url";
  public static final String AGENT = "agent";
  public static final String MCP_SERVERS = "mcp-servers";
  public static final String APPROVERS = "approvers";
  public static final String STALE_AFTER_MINUTES = "stale-after-minutes";
  public static final String CLAIM_GRACE_SECONDS = "claim-grace-seconds";
  public static final String BUDGET_MAX_STEPS = "budget.max-steps";
  public static final String BUDGET_MAX_TOKENS = "budget.max-tokens";
  public static final String BUDGET_MAX_DOLLARS = "budget.max-dollars";
  public static final String BUDGET_MAX_MINUTES = "budget.max-minutes";
  public static final String PRICE_INPUT = "model-price.input";
  public static final String PRICE_CACHED_INPUT = "model-price.cached-input";
  public static final String PRICE_OUTPUT = "model-price.output";
  public static final String PLAN_READ_ONLY = "plan-read-only";
  public static final String PROTECTED_PATHS = "protected-paths";
  public static final String SECRET_ENV = "secret-env";
  public static final String TEST_COMMAND = "test-command";
  public static final String SETUP_COMMAND = "setup-command";
  public static final String EXECUTABLES = "executables";
  public static final String SANDBOX_ALLOW_UNISOLATED = "sandbox.allow-unisolated";
  public static final String SANDBOX_ENVIRONMENT = "sandbox.environment";
  public static final String SANDBOX_READ_PATHS = "sandbox.read-paths";
  public static final String SANDBOX_WRITE_PATHS = "sandbox.write-paths";
  public static final String LINEAR_TEAM = "linear.team";
  public static final String LINEAR_READY_LABEL = "linear.ready-label";
  public static final String LINEAR_READY_STATE = "linear.ready-state";
  public static final String LINEAR_BUG_LABEL = "linear.bug-label";
  public static final String LINEAR_WITHDRAWN_STATE = "linear.states.withdrawn";
  public static final String LINEAR_APPROVERS = "linear.approvers";
  public static final String LINEAR_IDENTITY = "linear.identity";
  public static final String LINEAR_API_URL = "linear.api-url";
  public static final String CHANNELS_BUDGET_SECONDS = "channels.budget-seconds";
  public static final String WEBHOOKS = "webhooks";
  public static final String TELEGRAM_CHAT_ID = "telegram.chat-id";
  public static final String TELEGRAM_APPROVERS = "telegram.approvers";
  public static final String TELEGRAM_API_URL = "telegram.api-url";
  public static final String EMAIL_TO = "email.to";
  public static final String EMAIL_FROM = "email.from";
  /** The phases a Linear issue can be moved to, as their key part: {@code linear.states.<phase>}, {@code linear.labels.<phase>}. */
  public static final List<String> LINEAR_PHASES =
      List.of("in-progress", "awaiting-approval", "in-review", "blocked", "needs-info");

  private static final Map<String, ConfigKey> KEYS = index(List.of(
      ConfigKey.of(TRACKERS, LIST, List.of("github"), "Trackers to scan: github, linear (both allowed)."),
      ConfigKey.of(GITHUB_REPOSITORY, STRING, null,
          "owner/name of the repository; defaults to GITHUB_REPOSITORY, then the workspace's origin remote."),
      ConfigKey.of(GITHUB_API_URL, STRING, null,
          "GitHub API URL; defaults to GITHUB_API_URL, then https://api.github.com (GHES: https://HOST/api/v3)."),
      ConfigKey.of(GITHUB_LOGIN, STRING, null,
          "Login Aegis comments as; defaults to github-actions[bot] (the Actions GITHUB_TOKEN identity)."),
      ConfigKey.of(LABEL_READY, STRING, "ready to implement", "Label that marks an issue ready for Aegis."),
      ConfigKey.of(LABEL_BUG, STRING, "bug", "Label that marks an issue as a bug."),
      ConfigKey.choice(MODE, "plan-first", "plan-first: wait for /aegis proceed; auto: implement low-risk plans.",
          "plan-first", "auto"),
      ConfigKey.choice(CONTEXT, "minimal", "minimal: issue and code; production: adds read-only data sources.",
          "minimal", "production"),
      ConfigKey.of(PRODUCTION_MAX_ROWS, WHOLE, 100, "Rows of a production query shown to the agent (more are cut)."),
      ConfigKey.of(PRODUCTION_STATEMENT_TIMEOUT, WHOLE, 10, "Statement timeout of a production query, in seconds."),
      ConfigKey.of(PRODUCTION_MASKED_COLUMNS, LIST, List.of(),
          "Column-name fragments masked in query results on top of password, token, secret, email, phone, ..."),
      ConfigKey.of(PRODUCTION_ALLOWED_COLUMNS, LIST, List.of(),
          "Column names shown unmasked although they look secret or personal."),
      ConfigKey.of(MAX_CONCURRENT_RUNS, WHOLE, 1, "Runs allowed in progress at once; 0 pauses Aegis."),
      ConfigKey.of(MODEL, STRING, "openai/gpt-5.5",
          "provider/model: openai/..., openai-responses/..., anthropic/..., openai-compatible/..."),
      ConfigKey.of(MODEL_BASE_URL, STRING, null, "Base URL of the model API: required for openai-compatible models (Ollama, vLLM, ...), optional for openai and anthropic (a proxy)."),
      ConfigKey.of(AGENT, STRING, "builtin",
          "The coding agent: builtin (Aegis's loop over model), claude-code, codex, gemini, or acp:<command line>."),
      ConfigKey.of(MCP_SERVERS, ConfigKey.Kind.MAPPING, null,
          "MCP tool servers, as in .mcp.json: name -> {command, args, env} (env values name secrets) or {url}."),
      ConfigKey.of(APPROVERS, LIST, List.of(), "Logins allowed to command Aegis besides repository writers."),
      ConfigKey.of(STALE_AFTER_MINUTES, WHOLE, 20, "A run with no tracker update for this long is blocked."),
      ConfigKey.of(CLAIM_GRACE_SECONDS, WHOLE, 120,
          "How old a claim with no status comment must be before another job adopts it (crash recovery)."),
      ConfigKey.of(BUDGET_MAX_STEPS, WHOLE, 60, "Most model turns per agent run."),
      ConfigKey.of(BUDGET_MAX_TOKENS, WHOLE, 2_000_000, "Most tokens (input + output) per agent run."),
      ConfigKey.of(BUDGET_MAX_DOLLARS, DECIMAL, new BigDecimal("5.00"), "Most model spend per agent run, in USD."),
      ConfigKey.of(BUDGET_MAX_MINUTES, WHOLE, 30, "Most wall-clock minutes per agent run."),
      ConfigKey.of(PRICE_INPUT, DECIMAL, null, "The model's price in USD per million input tokens, for a model the "
          + "bundled price table does not know (set with model-price.output, so the dollar budget is enforced)."),
      ConfigKey.of(PRICE_CACHED_INPUT, DECIMAL, null,
          "USD per million cached input tokens; defaults to model-price.input."),
      ConfigKey.of(PRICE_OUTPUT, DECIMAL, null, "The model's price in USD per million output tokens."),
      ConfigKey.of(PLAN_READ_ONLY, BOOLEAN, true, "Plan runs may not edit files (commands still run)."),
      ConfigKey.of(PROTECTED_PATHS, LIST, List.of(), "Extra read-only globs besides .github/workflows/**, .github/actions/**, .aegis/**, .git/**, .gitmodules and CODEOWNERS."),
      ConfigKey.of(SECRET_ENV, LIST, List.of(), "Extra environment variable names whose values are secrets."),
      ConfigKey.of(TEST_COMMAND, STRING, null, "The project's test command; detected (Maven, Gradle, npm, pytest, go) if unset."),
      ConfigKey.of(SETUP_COMMAND, STRING, null, "A command run in the sandbox before each agent run (e.g. npm ci);"
          + " the run ends blocked if it fails."),
      ConfigKey.of(EXECUTABLES, LIST, List.of(),
          "Globs where a fix may add or change executable files; when set, an executable elsewhere is refused."),
      ConfigKey.of(SANDBOX_ALLOW_UNISOLATED, BOOLEAN, false, "Run agent commands even where Aegis cannot isolate"
          + " them (no namespaces). RISK: such commands can read Aegis's tokens and write outside the workspace."),
      ConfigKey.of(SANDBOX_ENVIRONMENT, LIST, List.of(),
          "Extra environment variable names commands get (secrets never pass, whatever is listed)."),
      ConfigKey.of(SANDBOX_READ_PATHS, LIST, List.of(),
          "Host paths commands may read although hidden (absolute or ~/..., e.g. a tool cache under HOME)."),
      ConfigKey.of(SANDBOX_WRITE_PATHS, LIST, List.of(),
          "Host paths commands may write (e.g. ~/.m2/repository); what a command leaves there outlives the run."),
      ConfigKey.of(LINEAR_TEAM, STRING, null,
          "Linear team key or name (ENG or Engineering); 'aegis linear teams' lists them. Needed with trackers: linear."),
      ConfigKey.of(LINEAR_READY_LABEL, STRING, "ready to implement",
          "Linear label that marks an issue ready (\"\" for none: then linear.ready-state alone)."),
      ConfigKey.of(LINEAR_READY_STATE, STRING, null,
          "Linear workflow state that marks an issue ready; with a ready label too, both are required."),
      ConfigKey.of(LINEAR_BUG_LABEL, STRING, "Bug", "Linear label that marks an issue as a bug (Linear has no issue types)."),
      linearState("in-progress", "claimed and being worked on"),
      linearState("awaiting-approval", "the RCA is posted and waits for /aegis proceed"),
      linearState("in-review", "the pull request is open"),
      linearState("blocked", "the run could not finish"),
      linearState("needs-info", "Aegis asked the reporter a question"),
      ConfigKey.of(LINEAR_WITHDRAWN_STATE, STRING, null,
          "Where a ready-state issue goes when the ready signal is withdrawn; default: the team's first backlog state."),
      linearLabel("in-progress", "aegis:in-progress"),
      linearLabel("awaiting-approval", "aegis:awaiting-approval"),
      linearLabel("in-review", "aegis:pr-opened"),
      linearLabel("blocked", "aegis:blocked"),
      linearLabel("needs-info", "aegis:needs-info"),
      ConfigKey.of(LINEAR_APPROVERS, LIST, List.of(),
          "Linear emails or user ids allowed to command Aegis from Linear comments (Linear has no repository roles)."),
      ConfigKey.of(LINEAR_IDENTITY, STRING, null, "Email or user id LINEAR_API_KEY must belong to (a safety check)."),
      ConfigKey.of(LINEAR_API_URL, STRING, "https://api.linear.app/graphql", "Linear GraphQL endpoint (proxies, tests)."),
      ConfigKey.of(CHANNELS_BUDGET_SECONDS, WHOLE, 15,
          "Most seconds one run event may take on all channels together (Telegram, Slack, email, webhooks)."),
      ConfigKey.of(WEBHOOKS, LIST, List.of(),
          "Addresses that receive signed JSON run events (signing secret: AEGIS_WEBHOOK_SECRET)."),
      ConfigKey.of(TELEGRAM_CHAT_ID, STRING, null,
          "Telegram chat the bot (token: TELEGRAM_BOT_TOKEN) tells of RCAs and pull requests; 'aegis setup telegram' finds it."),
      ConfigKey.of(TELEGRAM_APPROVERS, LIST, List.of(), "Telegram user ids allowed to command Aegis from the chat."),
      ConfigKey.of(TELEGRAM_API_URL, STRING, "https://api.telegram.org", "Telegram Bot API address (tests, a local Bot API server)."),
      ConfigKey.of(EMAIL_TO, LIST, List.of(), "Addresses that get run events by email (server: AEGIS_SMTP_URL)."),
      ConfigKey.of(EMAIL_FROM, STRING, null, "The sender of Aegis's email; defaults to the SMTP user when it is an address.")));

  /** {@code linear.states.<phase>}. */
  public static String linearState(String phase) {
    return "linear.states." + phase;
  }

  /** {@code linear.labels.<phase>}. */
  public static String linearLabel(String phase) {
    return "linear.labels." + phase;
  }

  private static ConfigKey linearState(String phase, String when) {
    return ConfigKey.of(linearState(phase), STRING, null, "Linear workflow state for issues " + when + " (optional).");
  }

  private static ConfigKey linearLabel(String phase, String label) {
    return ConfigKey.of(linearLabel(phase), STRING, label,
        "Linear label for issues in the " + phase + " phase (\"\" to use linear.states." + phase + " alone).");
  }

  private ConfigKeys() {}

  private static Map<String, ConfigKey> index(List<ConfigKey> keys) {
    Map<String, ConfigKey> map = new LinkedHashMap<>();
    for (ConfigKey key : keys) {
      map.put(key.name(), key);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** All keys in documentation order. */
  public static List<ConfigKey> all() {
    return List.copyOf(KEYS.values());
  }

  /** The key with this dotted name. */
  public static Optional<ConfigKey> find(String name) {
    return Optional.ofNullable(KEYS.get(name));
  }

  /** The closest known key to a misspelt one, when close enough to suggest. */
  public static Optional<String> suggest(String unknown) {
    return Closest.to(unknown, KEYS.keySet());
  }
}
