package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.tracker.Phase;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The names in {@link LinearSettings} mapped to Linear ids, looked up once per tracker instance on first use:
 * the team, its workflow states, and the labels it can use (its own and the workspace's). A configured name that
 * does not exist fails with a {@link LinearConfigException} naming the setting and listing what exists.
 */
final class LinearCatalog {
  private final LinearSettings settings;
  private final Pages pages;
  private Loaded loaded;

  LinearCatalog(LinearSettings settings, Pages pages) {
    this.settings = settings;
    this.pages = pages;
  }

  record State(String id, String name, String type, double position) {}

  record Label(String id, String name, boolean ofTeam) {}

  /** The resolved ids; a null id means the setting is not used. */
  record Loaded(
      LinearTeam team,
      String readyStateId,
      String readyLabelId,
      String bugLabelId,
      Map<Phase, String> phaseStateIds,
      Map<Phase, String> phaseLabelIds,
      String withdrawStateId,
      Set<String> closedStates) {

    /** True when a workflow state of this name is closed: {@code completed}, {@code canceled} or {@code duplicate}. */
    boolean closed(String stateName) {
      return closedStates.contains(stateName.toLowerCase(Locale.ROOT));
    }
  }

  synchronized Loaded get() {
    if (loaded == null) {
      loaded = load();
    }
    return loaded;
  }

  /** Every team the API key can see, by name (as people look for them). */
  static List<LinearTeam> teams(Pages pages) {
    return pages.all(Operation.TEAMS, Map.of(), "/teams").stream()
        .map(t -> new LinearTeam(t.path("id").asText(), t.path("key").asText(), t.path("name").asText()))
        .sorted(Comparator.comparing(LinearTeam::name, String.CASE_INSENSITIVE_ORDER).thenComparing(LinearTeam::key))
        .toList();
  }

  private Loaded load() {
    LinearTeam team = LinearTeam.pick(teams(pages), settings.team());
    List<State> states = pages.all(Operation.WORKFLOW_STATES, Map.of("filter", LinearFilters.team(team.id())),
            "/workflowStates").stream()
        .map(s -> new State(text(s, "id"), text(s, "name"), text(s, "type"), s.path("position").asDouble()))
        .sorted(Comparator.comparingDouble(State::position))
        .toList();
    List<Label> labels = pages.all(Operation.ISSUE_LABELS, Map.of("filter", LinearFilters.labelsOf(team.id())),
            "/issueLabels").stream()
        .map(l -> new Label(text(l, "id"), text(l, "name"), team.id().equals(l.path("team").path("id").asText())))
        .sorted(Comparator.comparing((Label l) -> !l.ofTeam()))
        .toList();
    Resolver resolve = new Resolver(team, states, labels);
    Map<Phase, String> phaseStates = new EnumMap<>(Phase.class);
    Map<Phase, String> phaseLabels = new EnumMap<>(Phase.class);
    settings.phases().forEach((phase, target) -> {
      String name = LinearSettings.settingName(phase);
      phaseStates.put(phase, resolve.state("linear.states." + name, target.state()));
      phaseLabels.put(phase, resolve.label("linear.labels." + name, target.label()));
    });
    String readyStateId = resolve.state("linear.ready-state", settings.readyState());
    return new Loaded(team, readyStateId,
        resolve.label("linear.ready-label", settings.readyLabel()),
        resolve.label("linear.bug-label", settings.bugLabel()),
        phaseStates, phaseLabels,
        settings.withdrawState() != null
            ? resolve.state("linear.states.withdrawn", settings.withdrawState())
            : defaultWithdrawState(states, readyStateId),
        states.stream().filter(s -> LinearFilters.CLOSED_TYPES.contains(s.type()))
            .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
  }

  /** The team's first backlog state, else its first unstarted state other than the ready one. */
  private static String defaultWithdrawState(List<State> states, String readyStateId) {
    return states.stream().filter(s -> s.type().equals("backlog")).findFirst()
        .or(() -> states.stream().filter(s -> s.type().equals("unstarted") && !s.id().equals(readyStateId))
            .findFirst())
        .map(State::id)
        .orElse(null);
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText();
  }

  /** Name to id, exact match first, then ignoring case. */
  private record Resolver(LinearTeam team, List<State> states, List<Label> labels) {
    String state(String setting, String name) {
      if (name == null) {
        return null;
      }
      return find(states, State::name, name).map(State::id).orElseThrow(() -> new LinearConfigException(
          setting, name, states.stream().map(State::name).toList(),
          "Linear workflow state '" + name + "' (" + setting + ") does not exist in team " + team.display()
              + ". States: " + String.join(", ", states.stream().map(State::name).toList()) + "."));
    }

    String label(String setting, String name) {
      if (name == null) {
        return null;
      }
      List<String> names = labels.stream().map(Label::name).distinct()
          .sorted(String.CASE_INSENSITIVE_ORDER).toList();
      return find(labels, Label::name, name).map(Label::id).orElseThrow(() -> new LinearConfigException(
          setting, name, names,
          "Linear label '" + name + "' (" + setting + ") does not exist in team " + team.display()
              + " or the workspace; create it in Linear or change " + setting + ". Labels: "
              + String.join(", ", names) + "."));
    }

    private static <T> Optional<T> find(List<T> all, Function<T, String> nameOf, String name) {
      return all.stream().filter(t -> nameOf.apply(t).equals(name)).findFirst()
          .or(() -> all.stream()
              .filter(t -> nameOf.apply(t).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
              .findFirst());
    }
  }
}
