package dev.aegis.core.readiness;

import dev.aegis.core.readiness.Readiness.Missing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Decides, with fixed rules and no model, whether a bug report says what happened, what should have
 * happened, and where. When one is missing it returns the ONE question to ask (the first missing part).
 * Evidence (an error, a log excerpt, a stack trace, steps) is noted but not required.
 *
 * <p>Input must already be cleaned of hidden content (see {@link dev.aegis.core.text.UntrustedText}); the
 * check reads at most the first {@value #MAX_CHARS} characters so hostile sizes cost nothing.
 */
public final class ReadinessCheck {
  static final int MAX_CHARS = 20_000;
  private static final int MIN_WORDS = 8;

  private static final Pattern WHAT = Pattern.compile(
      "(?i)\\b(what happen(s|ed)|actual(ly)?|current(ly)? (behaviou?r|result)|observed|describe the bug|"
          + "errors?|exceptions?|fail(s|ed|ing|ure)?|crash(es|ed|ing)?|broken|breaks?|wrong|incorrect|"
          + "returns?|returned|throws?|threw|shows?|showed|displays?|hangs?|freezes?|timeout|timed out|"
          + "undefined|null|NaN|doesn'?t|does not|didn'?t|did not|won'?t|cannot|can'?t|isn'?t|is not|"
          + "stopped|missing|instead of|ignor(es|ed|ing)|comes? back|came back|stays?|stayed|remains?|"
          + "appears?|disappears?|vanish(es|ed)?|los(es|t)|duplicat(es|ed)|twice|empty|blank|stuck|slow|"
          + "redirects?|skips?|skipped|drops?|dropped|overwrit(es|ten)|resets?|rejects?|rejected|"
          + "nothing happens|no longer|[45]\\d\\d)\\b");
  private static final Pattern EXPECTED = Pattern.compile(
      "(?i)\\b(expect(ed|ing|s)?|should(n'?t)?|supposed to|ought to|instead|correct (behaviou?r|result)|"
          + "wanted|would like|used to|intended)\\b");
  private static final Pattern WHERE = Pattern.compile(
      "(?i)(\\b(GET|POST|PUT|PATCH|DELETE)\\s+/\\S*|(^|\\s)/[\\w.-]+(/[\\w.{}:-]*)*|"
          + "\\b[\\w-]+\\.(java|kt|kts|groovy|scala|js|mjs|cjs|ts|tsx|jsx|py|go|rb|rs|php|cs|c|cc|cpp|h|hpp|"
          + "swift|m|sql|ya?ml|json|xml|html|css|scss|vue|svelte|sh|gradle|properties|toml)\\b|"
          + "https?://\\S+|`[^`\\n]{2,}`|\\b\\w+\\(\\)|"
          + "\\b(page|endpoint|screen|route|url|api|module|function|method|class|file|component|service|"
          + "command|button|form|view|cli|dialog|menu|tab|job|script|library|package|handler|query)\\b)");
  private static final Pattern EVIDENCE = Pattern.compile(
      "(?im)(```|^\\s{4}\\S|\\bat [\\w.$]+\\([\\w.]+:\\d+\\)|Traceback \\(most recent call last\\)|"
          + "\\b\\w*(Exception|Error)\\b[:(]|\\bstack ?trace\\b|\\blogs?\\b|^\\s*1[.)]\\s|"
          + "\\bsteps to reproduce\\b|\\b\\d{2}:\\d{2}:\\d{2}\\b)");

  private final Map<Missing, String> questions;

  /** A check with the standard questions (resource {@code questions.properties}). */
  public ReadinessCheck() {
    this.questions = loadQuestions();
  }

  /**
   * Checks a report.
   *
   * @param title issue title, cleaned
   * @param body issue body, cleaned
   * @param replies what people (not bots, not Aegis) wrote in comments since, cleaned; may be empty
   * @return the verdict, never null
   */
  public Readiness check(String title, String body, List<String> replies) {
    String text = limit(title + "\n" + body + "\n" + String.join("\n", replies));
    for (Missing missing : Missing.inOrder()) {
      if (!present(missing, text)) {
        return new Readiness.NeedsInfo(missing, questions.get(missing));
      }
    }
    return new Readiness.Ready(EVIDENCE.matcher(text).find());
  }

  private static boolean present(Missing missing, String text) {
    return switch (missing) {
      case WHAT_HAPPENED -> words(text) >= MIN_WORDS && WHAT.matcher(text).find();
      case EXPECTED -> EXPECTED.matcher(text).find();
      case WHERE -> WHERE.matcher(text).find();
    };
  }

  private static int words(String text) {
    String trimmed = text.trim();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  private static String limit(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }

  private static Map<Missing, String> loadQuestions() {
    Properties props = new Properties();
    try (InputStream in = ReadinessCheck.class.getResourceAsStream("questions.properties")) {
      if (in == null) {
        throw new IllegalStateException("questions.properties is missing from the Aegis jar");
      }
      props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Missing, String> out = new EnumMap<>(Missing.class);
    for (Missing m : Missing.values()) {
      String q = props.getProperty(m.name());
      if (q == null) {
        throw new IllegalStateException("questions.properties has no question for " + m);
      }
      out.put(m, q.trim());
    }
    return out;
  }
}
