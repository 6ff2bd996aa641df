package dev.aegis.testkit.linear;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Relay-style connections as Linear serves them: {@code first}/{@code after} paging (default 50, at most 250),
 * archived entities hidden unless {@code includeArchived}, ordered by {@code orderBy} (createdAt by default).
 * The fake returns the newest entities first, so a client must not rely on the server's order.
 */
final class Connections {
  static final String NOW = "aegis.fake.now";
  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 250;

  private Connections() {}

  static Map<String, Object> page(List<? extends FakeNode> all, DataFetchingEnvironment env) {
    Instant now = env.getGraphQlContext().get(NOW);
    return page(all, env.getArguments(), now);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> page(List<? extends FakeNode> all, Map<String, Object> args, Instant now) {
    if (args.get("last") != null || args.get("before") != null) {
      throw new IllegalStateException("FakeLinear pages forward only (first/after)");
    }
    int first = args.get("first") == null ? DEFAULT_PAGE : (Integer) args.get("first");
    if (first < 0 || first > MAX_PAGE) {
      throw LinearApiError.invalidInput("first must be between 0 and " + MAX_PAGE);
    }
    boolean includeArchived = Boolean.TRUE.equals(args.get("includeArchived"));
    Map<String, Object> filter = (Map<String, Object>) args.get("filter");
    List<? extends FakeNode> matching = all.stream()
        .filter(n -> includeArchived || n.archivedAt == null)
        .filter(n -> filter == null || Filters.matches(n, filter, now))
        .sorted(order(args.get("orderBy")))
        .toList();
    int start = start(matching, (String) args.get("after"));
    int end = Math.min(start + first, matching.size());
    return connection(matching.subList(start, end), start > 0, end < matching.size());
  }

  private static Comparator<FakeNode> order(Object orderBy) {
    Comparator<FakeNode> order = "updatedAt".equals(orderBy)
        ? Comparator.comparing((FakeNode n) -> n.updatedAt)
        : Comparator.comparing((FakeNode n) -> n.createdAt);
    return order.reversed();
  }

  private static int start(List<? extends FakeNode> nodes, String after) {
    if (after == null) {
      return 0;
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id.equals(after)) {
        return i + 1;
      }
    }
    throw LinearApiError.invalidInput("Invalid cursor: " + after);
  }

  private static Map<String, Object> connection(List<? extends FakeNode> page, boolean previous, boolean next) {
    Map<String, Object> pageInfo = new HashMap<>();
    pageInfo.put("hasPreviousPage", previous);
    pageInfo.put("hasNextPage", next);
    pageInfo.put("startCursor", page.isEmpty() ? null : page.get(0).id);
    pageInfo.put("endCursor", page.isEmpty() ? null : page.get(page.size() - 1).id);
    List<Map<String, Object>> edges =
        page.stream().map(n -> Map.<String, Object>of("node", n, "cursor", n.id)).toList();
    return Map.of("nodes", page, "edges", edges, "pageInfo", pageInfo);
  }
}
