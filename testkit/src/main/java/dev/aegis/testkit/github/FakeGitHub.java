package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.aegis.testkit.hold.HeldRequest;
import dev.aegis.testkit.hold.Holds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A stateful fake of GitHub's REST API over real HTTP on 127.0.0.1, for one or more repositories whose git
 * data lives in real git directories. It authenticates tokens, enforces per-identity roles, sends GitHub's
 * rate-limit headers with a decrementing budget, answers conditional GETs with 304 (free, as on GitHub), pages
 * listings with {@code Link}, can fail on demand ({@link #failNext}), records every request (never a token),
 * and checks every request and response against GitHub's OpenAPI description (see
 * {@link #assertNoContractViolations()}).
 *
 * <p>Serves the same API at {@link #apiUrl()} and, like GitHub Enterprise Server, under
 * {@link #enterpriseApiUrl()} ({@code /api/v3}). Use in a try-with-resources block; {@link #close()} stops the
 * server and deletes the repositories it created (adopted ones are left alone).
 */
public final class FakeGitHub implements AutoCloseable {
  /** The login GitHub Actions' {@code GITHUB_TOKEN} acts as. */
  public static final String ACTIONS_BOT = "github-actions[bot]";

  static {
    // The JDK server writes headers and body in two segments; without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK add ~40 ms to every call (measured: 45 ms -> 5 ms per call). The JDK reads this
    // property once, when its first server starts; an explicit setting by the caller wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Clock clock;
  private final AtomicLong ids = new AtomicLong(1000);
  private final Accounts accounts = new Accounts(ids);
  private final Map<String, FakeRepository> repositories = new ConcurrentHashMap<>();
  private final Map<String, RepoState> states = new ConcurrentHashMap<>();
  private final Faults faults = new Faults();
  private final Holds<ApiServer.HoldKey> holds = new Holds<>();
  private final RateLimits rateLimits;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();
  private final List<Path> ownedDirectories = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();
  private final HttpServer server;
  private final ExecutorService executor;
  private volatile ContractValidator contract;

  private final AppRoutes apps;

  private FakeGitHub(Clock clock) {
    this.clock = clock;
    this.rateLimits = new RateLimits(clock);
    Router router = new Router();
    IssueRoutes.register(router);
    LabelRoutes.register(router);
    CommentRoutes.register(router);
    GitRoutes.register(router);
    new PullRoutes(ids).register(router);
    new RepoRoutes(accounts, rateLimits).register(router);
    apps = new AppRoutes(accounts, clock);
    apps.register(router);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
    }
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-github");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    ApiServer.Parts parts = new ApiServer.Parts(router, accounts, this::state, rateLimits, faults, clock,
        requests::add, violations::add, () -> contract, holds);
    server.createContext("/", new ApiServer(parts, "http://127.0.0.1:" + server.getAddress().getPort()));
    accounts.add(ACTIONS_BOT, true);
  }

  /** Starts a fake with the system clock and contract checking on. */
  public static FakeGitHub start() {
    return start(Clock.systemUTC());
  }

  /** Starts a fake whose timestamps and rate-limit windows follow {@code clock}. */
  public static FakeGitHub start(Clock clock) {
    FakeGitHub fake = new FakeGitHub(clock);
    fake.contract = new ContractValidator();
    fake.server.start();
    return fake;
  }

  /** {@code http://127.0.0.1:<port>}: the API root, as {@code https://api.github.com} is GitHub's. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The same API under {@code /api/v3}, as GitHub Enterprise Server serves it. */
  public String enterpriseApiUrl() {
    return apiUrl() + Incoming.ENTERPRISE_PREFIX;
  }

  // ---- repositories

  /** Creates {@code owner/name} backed by a fresh bare git repository with one commit on {@code main}. */
  public FakeRepository createRepository(String fullName) {
    try {
      Path dir = Files.createTempDirectory("fake-github-");
      synchronized (ownedDirectories) {
        ownedDirectories.add(dir);
      }
      String[] parts = split(fullName);
      GitStore git = GitStore.create(dir.resolve(parts[1] + ".git"), "main", "# " + parts[1] + "\n",
          clock.instant());
      return register(parts, git);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves {@code owner/name} from an existing git directory (bare, or a {@code .git} directory). */
  public FakeRepository adoptRepository(String fullName, Path gitDir) {
    return register(split(fullName), GitStore.adopt(gitDir));
  }

  /** A repository created or adopted before. */
  public FakeRepository repository(String fullName) {
    FakeRepository repo = repositories.get(fullName.toLowerCase(Locale.ROOT));
    if (repo == null) {
      throw new IllegalArgumentException("no repository " + fullName + " on this fake");
    }
    return repo;
  }

  /**
   * Seeds from a webhook payload (as {@code GITHUB_EVENT_PATH} holds it): creates its {@code repository} when
   * missing, then stores its {@code issue} and {@code comment} under their own numbers and ids.
   */
  public FakeRepository seedFromEvent(JsonNode payload) {
    String fullName = payload.path("repository").path("full_name").asText();
    FakeRepository repo = repositories.containsKey(fullName.toLowerCase(Locale.ROOT))
        ? repository(fullName) : createRepository(fullName);
    if (payload.has("issue")) {
      int number = repo.seedIssue(payload.path("issue"));
      if (payload.has("comment")) {
        repo.seedComment(number, payload.path("comment"));
      }
    }
    return repo;
  }

  // ---- identities

  /** Adds a human user. */
  public FakeGitHub addUser(String login) {
    accounts.add(login, false);
    return this;
  }

  /** Adds a bot (a GitHub App's user: {@code type: Bot}); by convention the login ends in {@code [bot]}. */
  public FakeGitHub addBot(String login) {
    accounts.add(login, true);
    return this;
  }

  /** Makes {@code token} authenticate as {@code login} (created as a user, or a bot for {@code ...[bot]}). */
  public FakeGitHub addToken(String token, String login) {
    accounts.addToken(token, login);
    return this;
  }

  /** A new random token for {@code login}. */
  public String newToken(String login) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = (Accounts.isBotLogin(login) ? "ghs_" : "ghp_") + HexFormat.of().formatHex(bytes);
    accounts.addToken(token, login);
    return token;
  }

  /** Registers a GitHub App (its key pair is generated; its bot is {@code <slug>[bot]}). */
  public FakeApp createApp(String slug) {
    return accounts.addApp(slug);
  }

  /** Installs {@code app} on {@code repository}: its installation tokens act as its bot with write access there. */
  public long installApp(FakeApp app, FakeRepository repository) {
    long id = ids.incrementAndGet();
    app.install(repository.fullName(), id);
    repository.setPermission(app.botLogin(), Role.WRITE);
    return id;
  }

  /** The installation tokens minted so far: which repositories and permissions each was narrowed to. */
  public List<MintedToken> mintedTokens() {
    return apps.minted();
  }

  /** Stops accepting {@code token}: later calls with it get 401. */
  public void revokeToken(String token) {
    accounts.revokeToken(token);
  }

  // ---- rate limits and faults

  /** Sets how many calls {@code login} has left until {@code reset}. */
  public void setRateLimit(String login, int remaining, Instant reset) {
    rateLimits.set(login, remaining, reset);
  }

  /** How many calls {@code login} has left in the current window. */
  public int rateLimitRemaining(String login) {
    return rateLimits.peek(login).remaining();
  }

  /**
   * The next {@code times} calls of {@code method} on {@code route} (GitHub's path template, for example
   * {@code /repos/{owner}/{repo}/issues}) answer with {@code fault}.
   */
  public void failNext(String method, String route, int times, Fault fault) {
    faults.arm(method, route, times, fault);
  }

  /**
   * Parks the next call of {@code method} on {@code route} (GitHub's path template) before it is served, so a
   * test can act at that moment, for example kill the client process; then {@link HeldRequest#release()}
   * serves it and {@link HeldRequest#drop()} discards it (nothing it asked for happens, and it is not
   * recorded). Undecided holds are dropped on {@link #close()}.
   */
  public HeldRequest holdNext(String method, String route) {
    return holdNext(method, route, "");
  }

  /** As {@link #holdNext(String, String)}, for the next such call whose body contains {@code bodyContains}. */
  public HeldRequest holdNext(String method, String route, String bodyContains) {
    String m = method.toUpperCase(Locale.ROOT);
    return holds.arm(m + " " + route + (bodyContains.isEmpty() ? "" : " with '" + bodyContains + "'"),
        k -> k.method().equals(m) && k.route().equals(route) && k.body().contains(bodyContains));
  }

  // ---- request log

  /** Every request answered so far, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests of {@code method} on the route template {@code route}. */
  public List<RecordedRequest> requests(String method, String route) {
    return requests.stream().filter(r -> r.is(method, route)).toList();
  }

  /** How many requests of {@code method} on {@code route} were answered. */
  public int count(String method, String route) {
    return requests(method, route).size();
  }

  /** Forgets the request log (not the state). */
  public void clearRequests() {
    requests.clear();
  }

  // ---- contract

  /** Turns checking against GitHub's OpenAPI description on (the default) or off. */
  public void contractMode(boolean on) {
    contract = on ? (contract == null ? new ContractValidator() : contract) : null;
  }

  /** Every way requests and responses so far broke GitHub's description. */
  public List<ContractViolation> contractViolations() {
    return List.copyOf(violations);
  }

  /** Forgets the violations seen so far. */
  public void clearContractViolations() {
    violations.clear();
  }

  /** Throws an {@link AssertionError} listing every violation seen so far, if there are any. */
  public void assertNoContractViolations() {
    if (!violations.isEmpty()) {
      StringBuilder text = new StringBuilder(violations.size() + " contract violation(s):");
      violations.forEach(v -> text.append("\n  ").append(v));
      throw new AssertionError(text.toString());
    }
  }

  @Override
  public void close() {
    holds.dropAll();
    server.stop(0);
    executor.shutdownNow();
    synchronized (ownedDirectories) {
      ownedDirectories.forEach(FakeGitHub::deleteTree);
      ownedDirectories.clear();
    }
  }

  private FakeRepository register(String[] parts, GitStore git) {
    String key = (parts[0] + "/" + parts[1]).toLowerCase(Locale.ROOT);
    accounts.account(parts[0]);
    RepoState state = new RepoState(parts[0], parts[1], git, ids, clock);
    if (states.putIfAbsent(key, state) != null) {
      throw new IllegalArgumentException("repository exists: " + parts[0] + "/" + parts[1]);
    }
    FakeRepository repo = new FakeRepository(state, accounts, ids);
    repositories.put(key, repo);
    return repo;
  }

  private Optional<RepoState> state(String fullName) {
    return Optional.ofNullable(states.get(fullName.toLowerCase(Locale.ROOT)));
  }

  private static String[] split(String fullName) {
    String[] parts = fullName.split("/");
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("expected owner/name: " + fullName);
    }
    return parts;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
