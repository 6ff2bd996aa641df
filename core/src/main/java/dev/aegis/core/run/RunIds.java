package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueKey;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Makes run ids ({@code 123-k3x9qa}, {@code eng-950-p2m7tz}): the issue part people recognise plus six
 * random base-36 characters, short enough to type in {@code /aegis proceed <run-id>}.
 */
public final class RunIds {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}-[a-z0-9]{6}");

  private final RandomGenerator random;

  /** @param random the source of the random part (a seeded one in tests) */
  public RunIds(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A fresh run id for an issue. */
  public String next(IssueKey issue) {
    StringBuilder id = new StringBuilder(issue.slugBase()).append('-');
    for (int i = 0; i < 6; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /** True when {@code text} has the shape of a run id (commands are checked with this before any lookup). */
  public static boolean looksValid(String text) {
    return text != null && VALID.matcher(text).matches();
  }
}
