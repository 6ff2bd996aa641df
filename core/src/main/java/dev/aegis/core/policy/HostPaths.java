package dev.aegis.core.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What of the host a command must not see, and what the maintainer exposes anyway.
 *
 * @param hidden directories replaced by an empty one: Aegis's own {@code HOME} (credentials such as
 *     {@code ~/.git-credentials}, {@code ~/.ssh}, the runner's own files), {@code /root}, {@code RUNNER_TEMP}
 *     (the step scripts and the runner's file commands), {@code JENKINS_HOME}
 * @param hiddenFiles files replaced by {@code /dev/null}: the runner's file commands ({@code GITHUB_ENV},
 *     {@code GITHUB_PATH}, {@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}, {@code GITHUB_STATE}), which
 *     would change every later step of the maintainer's job, and the event payload
 * @param readable paths shown read-only although hidden or outside the workspace ({@code sandbox.read-paths})
 * @param writable paths shown writable ({@code sandbox.write-paths}); a command can leave things there
 */
public record HostPaths(List<Path> hidden, List<Path> hiddenFiles, List<Path> readable, List<Path> writable) {
  private static final List<String> HIDDEN_DIRS = List.of("HOME", "RUNNER_TEMP", "JENKINS_HOME");
  private static final List<String> HIDDEN_FILES =
      List.of("GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_STATE", "GITHUB_EVENT_PATH");

  public HostPaths {
    hidden = List.copyOf(hidden);
    hiddenFiles = List.copyOf(hiddenFiles);
    readable = List.copyOf(readable);
    writable = List.copyOf(writable);
  }

  /**
   * The paths for a host whose process environment is {@code environment}.
   *
   * @param readPaths {@code sandbox.read-paths}: absolute, or {@code ~/...} under the host's {@code HOME}
   * @param writePaths {@code sandbox.write-paths}, likewise
   * @throws IllegalArgumentException for a relative path
   */
  public static HostPaths of(Map<String, String> environment, List<String> readPaths, List<String> writePaths) {
    List<Path> hidden = new ArrayList<>(List.of(Path.of("/root")));
    for (String name : HIDDEN_DIRS) {
      absolute(environment.get(name)).filter(p -> p.getNameCount() > 0 && !hidden.contains(p)).ifPresent(hidden::add);
    }
    List<Path> files = new ArrayList<>();
    for (String name : HIDDEN_FILES) {
      absolute(environment.get(name)).filter(p -> p.getNameCount() > 0).ifPresent(files::add);
    }
    String home = environment.get("HOME");
    return new HostPaths(hidden, files, expand(readPaths, home, "sandbox.read-paths"),
        expand(writePaths, home, "sandbox.write-paths"));
  }

  /** Nothing hidden or exposed (tests of the mechanism alone). */
  public static HostPaths none() {
    return new HostPaths(List.of(), List.of(), List.of(), List.of());
  }

  private static java.util.Optional<Path> absolute(String value) {
    if (value == null || value.isBlank() || !value.startsWith("/")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Path.of(value).normalize());
  }

  private static List<Path> expand(List<String> paths, String home, String key) {
    List<Path> out = new ArrayList<>();
    for (String raw : Objects.requireNonNull(paths, key)) {
      String value = raw.trim();
      if (value.startsWith("~/") && home != null && home.startsWith("/")) {
        value = home + value.substring(1);
      }
      if (!value.startsWith("/")) {
        throw new IllegalArgumentException(key + ": '" + raw + "' must be an absolute path or start with ~/");
      }
      out.add(Path.of(value).normalize());
    }
    return out;
  }
}
