package dev.aegis.core.tracker.linear;

import dev.aegis.core.tracker.TrackerException;
import java.util.List;

/**
 * A Linear setting names something the workspace does not have (a team, workflow state or label). The message
 * says which setting to change and lists what exists; {@link #status()} is 0 because Linear answered fine.
 */
public final class LinearConfigException extends TrackerException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String value;
  private final List<String> choices;

  public LinearConfigException(String setting, String value, List<String> choices, String message) {
    super(message, 0, "");
    this.setting = setting;
    this.value = value;
    this.choices = List.copyOf(choices);
  }

  /** The configuration key, for example {@code linear.states.in-progress}. */
  public String setting() {
    return setting;
  }

  /** The configured value that matched nothing. */
  public String value() {
    return value;
  }

  /** What would have matched. */
  public List<String> choices() {
    return choices;
  }
}
