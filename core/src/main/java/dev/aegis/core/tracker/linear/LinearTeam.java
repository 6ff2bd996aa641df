package dev.aegis.core.tracker.linear;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Linear team as setup shows it: {@code Engineering (ENG)}.
 *
 * @param id Linear's id (a UUID)
 * @param key the issue prefix, {@code ENG}
 * @param name the display name, {@code Engineering}
 */
public record LinearTeam(String id, String key, String name) {
  public LinearTeam {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
  }

  /** {@code Engineering (ENG)}. */
  public String display() {
    return name + " (" + key + ")";
  }

  /**
   * The team {@code wanted} names: its key ({@code ENG}), its name ({@code Engineering}) or its display form, all
   * compared case-insensitively.
   *
   * @throws LinearConfigException naming the available teams when none matches
   */
  public static LinearTeam pick(List<LinearTeam> teams, String wanted) {
    Objects.requireNonNull(wanted, "wanted");
    String w = wanted.trim();
    return teams.stream()
        .filter(t -> t.key.equalsIgnoreCase(w) || t.name.equalsIgnoreCase(w) || t.display().equalsIgnoreCase(w))
        .findFirst()
        .orElseThrow(() -> new LinearConfigException(
            "linear.team",
            wanted,
            teams.stream().map(LinearTeam::display).toList(),
            "Linear team '" + wanted + "' is not visible to this API key. Teams it can see: "
                + (teams.isEmpty()
                    ? "none (is the key's user a member of any team?)"
                    : teams.stream().map(LinearTeam::display).collect(Collectors.joining(", ")))));
  }
}
