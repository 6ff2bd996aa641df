package dev.aegis.core.command;

import dev.aegis.core.run.RunIds;
import dev.aegis.core.text.UntrustedText;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the Aegis command in a comment body. The body is cleaned first (hidden HTML comments and invisible
 * characters cannot carry a command), quoted lines ({@code > ...}), fenced code and indented code (four
 * spaces or a tab) are skipped (quoting a command is not issuing it), and the first line starting with
 * {@code /aegis} counts. A command written mid-sentence ({@code Looks right. /aegis proceed 1-bp8pk5}) is not
 * carried out: it is {@link Invalid}, so the writer is told once that commands must start a line. Mentions that
 * are no command ({@code Thanks, /aegis is great}) and inline code ({@code `/aegis proceed <run-id>`}) stay
 * ordinary comments.
 */
public final class Commands {
  static final String PREFIX = "/aegis";

  private Commands() {}

  /** The outcome of reading a comment. */
  public sealed interface Parsed {}

  /** No {@code /aegis} line: an ordinary comment. */
  public record NotACommand() implements Parsed {}

  /** A well-formed command. */
  public record Valid(Command command) implements Parsed {}

  /** A {@code /aegis} line that is not a valid command; {@code problem} says what is wrong and the usage. */
  public record Invalid(String problem) implements Parsed {}

  /** Reads a comment body as delivered. */
  public static Parsed parse(String rawBody) {
    String body = UntrustedText.clean(rawBody);
    Optional<String> line = commandLine(body);
    if (line.isEmpty()) {
      return midSentence(body).<Parsed>map(c -> new Invalid("a command must start a line, and `" + c
          + "` is in the middle of one, so nothing was done. Post it again on a line of its own: `" + c + "`."))
          .orElse(new NotACommand());
    }
    String[] words = line.get().trim().split("\\s+");
    if (words.length < 2) {
      return new Invalid("no command given. " + usage());
    }
    Optional<Command.Verb> verb = Command.Verb.parse(words[1]);
    if (verb.isEmpty()) {
      return new Invalid("'" + shorten(words[1]) + "' is not a command. " + usage());
    }
    if (words.length < 3 || !RunIds.looksValid(words[2])) {
      return new Invalid("'/aegis " + verb.get().word() + "' needs the run id from the status comment. " + usage());
    }
    String text = String.join(" ", Arrays.copyOfRange(words, 3, words.length)).trim();
    if (verb.get() == Command.Verb.ASK && text.isEmpty()) {
      return new Invalid("'/aegis ask' needs the question or extra detail after the run id. " + usage());
    }
    return new Valid(new Command(verb.get(), words[2], text));
  }

  /** The usage line shown with every refusal of a malformed command. */
  public static String usage() {
    return "Use `/aegis proceed <run-id>`, `/aegis stop <run-id>` or `/aegis ask <run-id> <question or detail>`.";
  }

  private static Optional<String> commandLine(String body) {
    boolean fenced = false;
    for (String line : body.split("\n")) {
      String t = line.strip();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || t.startsWith(">") || indentedCode(line)) {
        continue;
      }
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      if (lower.equals(PREFIX) || lower.startsWith(PREFIX + " ") || lower.startsWith(PREFIX + "\t")) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** {@code /aegis <verb> <run id>} inside a line (outside code and quotes), as the writer likely meant it. */
  private static Optional<String> midSentence(String body) {
    boolean fenced = false;
    for (String line : body.split("\n")) {
      String t = line.strip();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || t.startsWith(">") || indentedCode(line)) {
        continue;
      }
      java.util.regex.Matcher m = MID_SENTENCE.matcher(t.replaceAll("`[^`]*`", " "));
      while (m.find()) {
        if (Command.Verb.parse(m.group(1)).isPresent() && RunIds.looksValid(m.group(2))) {
          return Optional.of(PREFIX + " " + m.group(1).toLowerCase(java.util.Locale.ROOT) + " " + m.group(2));
        }
      }
    }
    return Optional.empty();
  }

  private static final java.util.regex.Pattern MID_SENTENCE =
      java.util.regex.Pattern.compile("(?i)(?<=\\s)/aegis\\s+(\\S+)\\s+([^\\s.,;:!?)]+)");

  /** Markdown's indented code block: four columns of leading space, a tab counting as four. */
  private static boolean indentedCode(String line) {
    int columns = 0;
    for (int i = 0; i < line.length() && columns < 4; i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns += 4;
      } else {
        break;
      }
    }
    return columns >= 4;
  }

  private static String shorten(String word) {
    return word.length() > 20 ? word.substring(0, 20) + "…" : word;
  }
}
