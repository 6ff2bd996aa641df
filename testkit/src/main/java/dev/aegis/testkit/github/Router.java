package dev.aegis.testkit.github;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a method and path to the route serving it. Templates are GitHub's OpenAPI paths; a {@code {ref}}
 * parameter in the last position takes the rest of the path, slashes included ({@code heads/feature/x}), as
 * GitHub's git data endpoints do.
 */
final class Router {
  private static final Set<String> GREEDY = Set.of("ref");

  private final List<Route> routes = new ArrayList<>();

  /** Serves {@code method} on {@code template} with {@code handler}. */
  void add(String method, String template, Handler handler) {
    routes.add(new Route(method, template, template.substring(1).split("/"), handler));
  }

  /** The matching route with the fewest parameters: {@code issues/comments} beats {@code issues/{issue_number}}. */
  Optional<Match> match(String method, List<String> segments) {
    Match best = null;
    for (Route route : routes) {
      if (!route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = bind(route.segments(), segments);
      if (params != null && (best == null || params.size() < best.params().size())) {
        best = new Match(route, params);
      }
    }
    return Optional.ofNullable(best);
  }

  /** All route templates with their methods, as {@code GET /repos/{owner}/{repo}}. */
  List<String> operations() {
    return routes.stream().map(r -> r.method() + " " + r.template()).toList();
  }

  private static Map<String, String> bind(String[] template, List<String> path) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      boolean param = t.startsWith("{") && t.endsWith("}");
      String name = param ? t.substring(1, t.length() - 1) : null;
      boolean last = i == template.length - 1;
      if (param && last && GREEDY.contains(name) && path.size() > i) {
        params.put(name, String.join("/", path.subList(i, path.size())));
        return params;
      }
      if (i >= path.size() || path.get(i).isEmpty()) {
        return null;
      }
      if (param) {
        params.put(name, path.get(i));
      } else if (!t.equals(path.get(i))) {
        return null;
      }
    }
    return template.length == path.size() ? params : null;
  }

  /** Serves one call. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call);
  }

  record Route(String method, String template, String[] segments, Handler handler) {}

  record Match(Route route, Map<String, String> params) {}
}
