package dev.aegis.testkit.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A stateful fake of Linear's GraphQL API over real HTTP on 127.0.0.1. Requests are executed by graphql-java
 * against {@link LinearContract a subset of the schema Linear publishes}, so a query with a wrong field, argument or
 * type is rejected (HTTP 400, {@code GRAPHQL_VALIDATION_FAILED}) as Linear would reject it. Authentication is
 * Linear's personal API key scheme: the raw key in {@code Authorization}, no {@code Bearer}.
 *
 * <p>It keeps what real Linear keeps: comment and issue bodies lose their HTML ({@link ProseMirror}: hidden
 * {@code <!-- -->} blocks vanish), attachments are unique per issue and URL (creating one again updates it), and
 * attachment metadata is kept verbatim.
 *
 * <p>Seed it ({@link #team}, {@link #user}, {@link #label}, {@link #issue}), point the client at {@link
 * #endpoint()}, then assert on {@link #snapshot(String)} and {@link #requests(String)}. {@link #failNext} queues
 * rate limits and server errors; {@link #failNextOf} fails one kind of request, as a job dying at that step.
 */
public final class FakeLinear implements AutoCloseable {
  private final Object lock = new Object();
  private final ObjectMapper json = new ObjectMapper();
  private final LinearContract contract = LinearContract.load();
  private final LinearStore store;
  private final LinearSeeds seeds;
  private final GraphQL graphQL;
  private final Deque<FakeFailure> failures = new ArrayDeque<>();
  private final List<Targeted> targeted = new ArrayList<>();
  private final List<LoggedRequest> log = new ArrayList<>();
  private final HttpServer server;

  private FakeLinear(Clock clock) throws IOException {
    this.store = new LinearStore(clock);
    this.seeds = new LinearSeeds(store);
    this.graphQL = new LinearFetchers(store).graphQL(contract);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/graphql", this::handle);
    server.start();
  }

  /** Starts a fake whose timestamps come from the system clock. */
  public static FakeLinear start() {
    return start(Clock.systemUTC());
  }

  /** Starts a fake whose timestamps come from {@code clock} (each new entity is at least 1 ms after the last). */
  public static FakeLinear start(Clock clock) {
    try {
      return new FakeLinear(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The GraphQL endpoint, for example {@code http://127.0.0.1:43125/graphql}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
  }

  /** The schema the fake validates against. */
  public LinearContract contract() {
    return contract;
  }

  /**
   * A team with Linear's default workflow: Backlog, Todo, In Progress, In Review, Done, Canceled, and the
   * system-managed Duplicate state (type {@code duplicate}, closed like {@code completed} and {@code canceled}).
   */
  public FakeTeam team(String key, String name) {
    synchronized (lock) {
      return seeds.team(key, name);
    }
  }

  /** Adds a workflow state ({@code backlog}, {@code unstarted}, {@code started}, {@code completed}...). */
  public void state(FakeTeam team, String name, String type) {
    synchronized (lock) {
      seeds.state(team, name, type);
    }
  }

  /** A workspace-wide label. */
  public void label(String name) {
    synchronized (lock) {
      seeds.label(null, name);
    }
  }

  /** A label of one team. */
  public void label(FakeTeam team, String name) {
    synchronized (lock) {
      seeds.label(team, name);
    }
  }

  /** A user with a personal API key. */
  public FakeUser user(String name, String email) {
    synchronized (lock) {
      return seeds.user(name, email);
    }
  }

  /** Starts an issue; finish it with {@link IssueSeed#create()}. */
  public IssueSeed issue(FakeTeam team, FakeUser creator, String title) {
    return new IssueSeed(this, team, creator, title);
  }

  String create(IssueSeed seed) {
    synchronized (lock) {
      return seeds.issue(seed);
    }
  }

  /** Adds a comment by {@code author}; returns its id. */
  public String comment(String identifier, FakeUser author, String body) {
    synchronized (lock) {
      return seeds.comment(identifier, author, body);
    }
  }

  /**
   * Adds an attachment to an issue as {@code creator} would through Linear's {@code attachmentCreate}: an integration's
   * link, or a look-alike of Aegis's records planted by someone else. Creating one with a URL the issue already has
   * updates that attachment.
   */
  public void attach(String identifier, FakeUser creator, String url, String title, Map<String, Object> metadata) {
    synchronized (lock) {
      seeds.attach(identifier, creator, url, title, metadata);
    }
  }

  /**
   * From now on, answer every attachment's metadata empty, as a Linear that does not keep it would: Aegis must notice
   * and stop instead of losing its runs.
   */
  public void dropAttachmentMetadata() {
    synchronized (lock) {
      store.keepsAttachmentMetadata = false;
    }
  }

  /** Moves an issue to the trash: hidden from listings, still readable by id with {@code trashed: true}. */
  public void trash(String identifier) {
    synchronized (lock) {
      seeds.trash(identifier);
    }
  }

  /** Deletes an issue for good: looking it up answers "Entity not found". */
  public void delete(String identifier) {
    synchronized (lock) {
      seeds.delete(identifier);
    }
  }

  /** Answers the next requests with these failures, in order, without executing them. */
  public void failNext(FakeFailure... next) {
    synchronized (lock) {
      failures.addAll(List.of(next));
    }
  }

  /**
   * Lets {@code passing} requests that select {@code rootField} ({@code commentCreate}, {@code attachmentCreate}...)
   * through, then answers the next one with {@code failure} without executing it: a job that dies at that step.
   */
  public void failNextOf(String rootField, int passing, FakeFailure failure) {
    synchronized (lock) {
      targeted.add(new Targeted(rootField, passing, failure));
    }
  }

  /** The issue as it is now (including deleted ones, for assertions). */
  public FakeIssue snapshot(String identifier) {
    synchronized (lock) {
      return seeds.snapshot(identifier);
    }
  }

  /** Every request received so far. */
  public List<LoggedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(log);
    }
  }

  /** How many requests selected {@code rootField} ({@code issues}, {@code commentCreate}...). */
  public long requests(String rootField) {
    return requests().stream().filter(r -> r.rootFields().contains(rootField)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Answer answer;
      synchronized (lock) {
        answer = answer(exchange, body);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), out.length);
      exchange.getResponseBody().write(out);
    }
  }

  private Answer answer(HttpExchange exchange, byte[] body) throws IOException {
    JsonNode request = json.readTree(body);
    String query = request.path("query").asText("");
    String operation = request.path("operationName").isTextual() ? request.path("operationName").asText() : null;
    List<String> roots = Documents.rootFields(query, operation);
    FakeFailure planned = failures.isEmpty() ? aimedAt(roots) : failures.poll();
    Answer answer = planned == null ? execute(exchange, request, query, operation) : failure(planned);
    log.add(new LoggedRequest(operation, roots, answer.status()));
    return answer;
  }

  /** The targeted failure due for a request selecting {@code roots}, if any (counting down the others). */
  private FakeFailure aimedAt(List<String> roots) {
    for (int i = 0; i < targeted.size(); i++) {
      Targeted t = targeted.get(i);
      if (roots.contains(t.rootField())) {
        if (t.passing() == 0) {
          targeted.remove(i);
          return t.failure();
        }
        targeted.set(i, new Targeted(t.rootField(), t.passing() - 1, t.failure()));
        return null;
      }
    }
    return null;
  }

  private Answer execute(HttpExchange exchange, JsonNode request, String query, String operation)
      throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Authorization");
    UserNode viewer = key == null ? null : store.userByApiKey(key).orElse(null);
    if (viewer == null) {
      return new Answer(400, Documents.authenticationError(), Map.of());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> variables =
        request.path("variables").isObject() ? json.convertValue(request.get("variables"), Map.class) : Map.of();
    ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput(query)
        .operationName(operation)
        .variables(variables)
        .graphQLContext(Map.of(LinearFetchers.VIEWER, viewer, Connections.NOW, store.now()))
        .build());
    int status = result.getErrors().isEmpty() ? 200 : 400;
    return new Answer(status, json.writeValueAsString(Documents.linearShape(result)), budgetHeaders());
  }

  private Map<String, String> budgetHeaders() {
    String reset = Long.toString(store.now().plusSeconds(3600).toEpochMilli());
    return Map.of(
        "X-RateLimit-Requests-Limit", "5000",
        "X-RateLimit-Requests-Remaining", Integer.toString(Math.max(0, 5000 - log.size() - 1)),
        "X-RateLimit-Requests-Reset", reset,
        "X-Complexity", "12",
        "X-RateLimit-Complexity-Limit", "3000000",
        "X-RateLimit-Complexity-Remaining", "2999988",
        "X-RateLimit-Complexity-Reset", reset);
  }

  private static Answer failure(FakeFailure failure) {
    return new Answer(failure.status(), failure.body(), failure.headers());
  }

  private record Answer(int status, String body, Map<String, String> headers) {}

  private record Targeted(String rootField, int passing, FakeFailure failure) {}
}
