package dev.aegis.jenkins;

import dev.aegis.core.text.Closest;
import hudson.AbortException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The named arguments a Pipeline passes to {@code aegis}, checked before Jenkins binds them to {@link AegisStep}.
 * Jenkins' own binding (structs' {@code DescribableModel}) only prints "WARNING: Unknown parameter(s)" for a
 * misspelt name and runs the step without it, and reads a string such as {@code 'yes'} as {@code false} for a
 * boolean: a {@code dryRun: 'yes'} would write. Here a name the step does not take fails the step with the name it
 * probably meant, {@code dryRun} takes {@code true}/{@code false} (or those words as text, as a string parameter
 * gives them), and text parameters take text or a number ({@code issue: 42}).
 */
final class StepArguments {
  private StepArguments() {}

  /**
   * The checked arguments, normalized for Jenkins' binding (booleans as {@link Boolean}, text as {@link String}).
   *
   * @throws AbortException naming each problem and what to write instead
   */
  static Map<String, Object> check(Map<String, Object> arguments) throws AbortException {
    Map<String, Class<?>> parameters = parameters();
    Map<String, Object> checked = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    arguments.forEach((name, value) -> {
      Class<?> type = parameters.get(name);
      if (type == null) {
        problems.add("'" + name + "' is not a parameter of aegis"
            + Closest.to(name, parameters.keySet()).map(near -> " (did you mean '" + near + "'?)").orElse(""));
      } else if (type == boolean.class) {
        bool(value).ifPresentOrElse(b -> checked.put(name, b), () -> problems.add(
            "'" + name + "' must be true or false, got " + describe(value)));
      } else if (value == null || value instanceof CharSequence || value instanceof Number) {
        checked.put(name, value == null ? null : value.toString());
      } else {
        problems.add("'" + name + "' must be text, got " + describe(value));
      }
    });
    if (!problems.isEmpty()) {
      throw new AbortException("aegis: " + String.join("; ", problems) + ". The step takes: "
          + String.join(", ", parameters.keySet()) + ".");
    }
    return checked;
  }

  /**
   * The step's parameters by the names Pipeline uses and their types: those of the {@link DataBoundConstructor}
   * (named by {@code -parameters}, as Stapler reads them) and of each {@link DataBoundSetter} {@code setX}.
   */
  static Map<String, Class<?>> parameters() {
    Map<String, Class<?>> parameters = new TreeMap<>();
    for (Constructor<?> constructor : AegisStep.class.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        for (Parameter parameter : constructor.getParameters()) {
          parameters.put(parameter.getName(), parameter.getType());
        }
      }
    }
    for (Method method : AegisStep.class.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class) && method.getParameterCount() == 1) {
        String name = method.getName().substring("set".length());
        parameters.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), method.getParameterTypes()[0]);
      }
    }
    return parameters;
  }

  private static Optional<Boolean> bool(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    if (value instanceof CharSequence text) {
      return switch (text.toString().trim().toLowerCase(Locale.ROOT)) {
        case "true" -> Optional.of(true);
        case "false" -> Optional.of(false);
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    return value instanceof CharSequence ? "'" + value + "'" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
