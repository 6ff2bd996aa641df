package dev.aegis.core.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checkout's {@code .git/config} as commands see it: {@code actions/checkout} leaves the job's token in
 * it ({@code http.https://github.com/.extraheader = AUTHORIZATION: basic ...}) unless told
 * {@code persist-credentials: false}, and a remote URL may carry a password. Commands get a copy without
 * those lines, mounted read-only over the original; git in a command still works, it just cannot push.
 */
final class GitConfigCopy {
  private static final Pattern CREDENTIAL_LINE = Pattern.compile(
      "(?i)^\\s*(extraheader|helper|password|token|sshcommand)\\s*=.*|.*://[^/\\s:@]+:[^/\\s@]+@.*");

  private GitConfigCopy() {}

  /**
   * A copy of {@code config} without credential lines, written to {@code copy}; empty when it holds none
   * (or is not a plain file).
   */
  static Optional<Path> withoutCredentials(Path config, Path copy) {
    if (!Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(config, StandardCharsets.UTF_8);
      List<String> kept = new ArrayList<>();
      for (String line : lines) {
        if (!CREDENTIAL_LINE.matcher(line).matches()) {
          kept.add(line);
        }
      }
      if (kept.size() == lines.size()) {
        return Optional.empty();
      }
      return Optional.of(Files.write(copy, kept, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config, e);
    }
  }
}
