package dev.aegis.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The GitHub Actions runner: workflow commands on stdout ({@code ::add-mask::}, {@code ::group::},
 * {@code ::warning::}), the job summary appended to {@code GITHUB_STEP_SUMMARY}, step outputs to
 * {@code GITHUB_OUTPUT}.
 */
final class ActionsLog extends MaskingLog {
  private final PrintStream out;
  private final Path summaryFile;
  private final Path outputFile;
  private final java.util.Set<String> annotated = java.util.concurrent.ConcurrentHashMap.newKeySet();

  ActionsLog(PrintStream out, Map<String, String> env) {
    this.out = out;
    this.summaryFile = path(env.get("GITHUB_STEP_SUMMARY"));
    this.outputFile = path(env.get("GITHUB_OUTPUT"));
  }

  @Override
  public void mask(String secret) {
    if (secret != null && secret.length() >= 4 && !masked().contains(secret)) {
      super.mask(secret);
      // One mask per line of a multi-line secret, as the runner masks line by line.
      for (String line : secret.split("\n")) {
        if (!line.isBlank()) {
          out.println("::add-mask::" + escapeData(line));
        }
      }
    }
  }

  @Override
  public void line(String text) {
    out.println(neutralise(redact(text)));
  }

  @Override
  public void warn(String text) {
    annotated.add(text == null ? "" : text.strip());
    out.println("::warning::" + escapeData(redact(text)));
  }

  /** Not printed here: {@code aegis action} annotates the result's message, which is this text, once as an error. */
  @Override
  public void failed(String text) {
    line("Aegis failed (annotated below).");
  }

  /**
   * Annotates a failure of the job as an error, once per issue: each blocked run's line starts with the issue it
   * concerns ({@code github:#5 blocked - ...}, its note may run over several lines) and is titled with it. A
   * failure already annotated is not annotated again.
   */
  void failure(String message) {
    String text = message == null ? "" : message.strip();
    if (text.isEmpty() || annotated.contains(text)) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (entries.isEmpty() || ISSUE.matcher(line).lookingAt()) {
        entries.add(line);
      } else {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
      }
    }
    for (String entry : entries) {
      String one = entry.strip();
      if (one.isEmpty() || !annotated.add(one)) {
        continue;
      }
      java.util.regex.Matcher issue = ISSUE.matcher(one);
      String title = issue.lookingAt() ? "Aegis: " + issue.group(1) : "Aegis";
      out.println("::error title=" + escapeProperty(title) + "::" + escapeData(redact(one)));
    }
  }

  /** A decision line's issue: {@code github:#12}, {@code linear:ENG-950}. */
  private static final java.util.regex.Pattern ISSUE = java.util.regex.Pattern.compile("((?:github|linear):\\S+) ");

  @Override
  public void group(String title) {
    out.println("::group::" + escapeData(redact(title)));
  }

  @Override
  public void endGroup() {
    out.println("::endgroup::");
  }

  @Override
  public void summary(String markdown) {
    append(summaryFile, redact(markdown) + "\n");
  }

  /** Writes step outputs with the heredoc syntax, safe for multi-line values. */
  void outputs(Map<String, String> values) {
    StringBuilder block = new StringBuilder();
    values.forEach((name, value) -> {
      String delimiter = "aegis_" + UUID.randomUUID().toString().replace("-", "");
      block.append(name).append("<<").append(delimiter).append('\n')
          .append(redact(value)).append('\n').append(delimiter).append('\n');
    });
    append(outputFile, block.toString());
  }

  private static void append(Path file, String text) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Path path(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  /** Text from issues must not be able to issue workflow commands: a leading {@code ::} is defused. */
  private static String neutralise(String text) {
    StringBuilder b = new StringBuilder();
    for (String l : text.split("\n", -1)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      // The runner trims leading blanks before looking for "::", so break the pair itself.
      b.append(l.stripLeading().startsWith("::") ? l.replaceFirst("::", ":\u200B:") : l);
    }
    return b.toString();
  }

  /** Escapes a workflow command's property value (a title) as the runner expects. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }

  /** Escapes a workflow command's data part as the runner expects. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }
}
