package dev.aegis.core.policy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment a command gets: an allow-list of what builds need, never the host's whole environment.
 * A deny-list of secret-looking names misses {@code MYSQL_PWD}, {@code SLACK_HOOK_URL} and whatever a
 * maintainer calls their next secret; an allow-list cannot. Passed: {@link #BUILD_NAMES} (locale, time zone,
 * {@code PATH}, toolchain homes, CA bundles, proxies), {@code LC_*} and {@code JAVA_HOME_*}, and the names the
 * maintainer adds ({@code sandbox.environment}). Never passed, even when allowed: a name that looks like a
 * credential ({@link Secrets#looksSecret}), a value that is a known secret, and a URL with a password in it.
 * {@code HOME} is not taken from the host: the sandbox gives commands their own.
 */
public final class CommandEnvironment {
  /** What a build typically needs. */
  public static final Set<String> BUILD_NAMES = Set.of("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "CI", "USER",
      "LOGNAME", "SHELL", "JAVA_HOME", "JDK_HOME", "MAVEN_HOME", "M2_HOME", "MAVEN_OPTS", "GRADLE_HOME",
      "GRADLE_OPTS", "ANT_HOME", "GOROOT", "GOFLAGS", "GOPROXY", "GONOSUMDB", "GOPRIVATE", "DOTNET_ROOT",
      "ANDROID_HOME", "ANDROID_SDK_ROOT", "PYTHONPATH", "VIRTUAL_ENV", "pythonLocation",
      "Python_ROOT_DIR", "Python2_ROOT_DIR", "Python3_ROOT_DIR", "PKG_CONFIG_PATH", "RUNNER_OS", "RUNNER_ARCH",
      "ImageOS", "ImageVersion", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
      "NODE_EXTRA_CA_CERTS", "GIT_SSL_CAINFO", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy",
      "https_proxy", "no_proxy", "DEBIAN_FRONTEND");
  private static final Pattern BUILD_PREFIXES = Pattern.compile("LC_[A-Z]+|JAVA_HOME_[A-Za-z0-9_]+");
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile(".*://[^/\\s:@]+:[^/\\s@]+@.*");

  private CommandEnvironment() {}

  /**
   * The allow-listed copy of {@code environment}.
   *
   * @param extraNames the maintainer's additions ({@code sandbox.environment})
   */
  public static Map<String, String> forCommands(
      Map<String, String> environment, Secrets secrets, Collection<String> extraNames) {
    Map<String, String> out = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (value != null && allowed(name, extraNames) && safe(name, value, secrets)) {
        out.put(name, name.equals("PATH") ? searchPath(value) : value);
      }
    });
    return out;
  }

  /**
   * The names of {@code extraNames} that would be refused: a maintainer who lists {@code NPM_TOKEN} should be
   * told that commands never get secrets, not find it silently missing.
   */
  public static List<String> refusedNames(Collection<String> extraNames) {
    return extraNames.stream().filter(n -> Secrets.looksSecret(n, null) || n.equals("HOME")).sorted().toList();
  }

  private static boolean allowed(String name, Collection<String> extraNames) {
    return BUILD_NAMES.contains(name) || BUILD_PREFIXES.matcher(name).matches() || extraNames.contains(name);
  }

  private static boolean safe(String name, String value, Secrets secrets) {
    return !Secrets.looksSecret(name, value) && !secrets.names().contains(name)
        && !secrets.values().contains(value.trim()) && !URL_WITH_PASSWORD.matcher(value).matches()
        && secrets.values().stream().noneMatch(s -> s.length() >= 8 && value.contains(s));
  }

  /** {@code PATH} without empty or relative entries (which would search the working directory first). */
  private static String searchPath(String value) {
    return String.join(":", List.of(value.split(":")).stream().filter(p -> p.startsWith("/")).toList());
  }
}
