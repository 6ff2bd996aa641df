package dev.aegis.core.agent;

import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.git.Checkout;
import dev.aegis.core.policy.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code search}: a regular expression over the workspace's files, line by line, as ripgrep would: tracked
 * and untracked files, {@code .gitignore} honoured, binary files skipped. In a git checkout (every CI
 * workspace) {@code git grep} does the work, at ripgrep's speed; elsewhere a JVM search matches each line in
 * place, over the whole file's buffer, without splitting it. Results are cut at whole lines within the output
 * budget, and the answer says how many matches were left out.
 */
final class SearchTool {
  static final int DEFAULT_RESULTS = 50;
  static final int MAX_RESULTS = 200;
  static final int MAX_LINE = 300;
  /** Matches past the cap are counted up to this many, then "more than". */
  static final int COUNT_LIMIT = 100_000;
  /** The JVM search reads files up to this size and names larger ones instead of skipping them silently. */
  static final long MAX_FILE_BYTES = 64L << 20;

  private final Workspace workspace;
  private final FileTools files;
  private final Checkout git;
  private final int maxChars;

  /**
   * @param maxChars the output budget (the tool output cap): results stop at a whole line before it
   */
  SearchTool(Workspace workspace, FileTools files, Checkout git, int maxChars) {
    this.workspace = workspace;
    this.files = files;
    this.git = git;
    this.maxChars = maxChars;
  }

  String search(ToolArgs args) {
    String regex = args.string("pattern");
    Pattern pattern = compile(regex);
    String under = files.prefix(args.optionalString("path", ""));
    int max = Math.max(1, Math.min(MAX_RESULTS, args.optionalInt("max_results", DEFAULT_RESULTS)));
    Results results = new Results(max, Math.max(500, maxChars - 400));
    boolean searched = git.isRepository() && git.grep(regex, under, hit -> results.add(hit.path(), hit.line(), hit.text()));
    if (!searched) {
      results.clear();
      jvmSearch(pattern, under, results);
    }
    return results.render();
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ToolError("search: the pattern is not a valid regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }

  private void jvmSearch(Pattern pattern, String under, Results results) {
    Matcher matcher = pattern.matcher("");
    for (String file : files.files()) {
      if (!under.isEmpty() && !file.startsWith(under) && !file.equals(under)) {
        continue;
      }
      if (!searchFile(file, matcher, results)) {
        return;
      }
    }
  }

  /** Searches one file; false when the results want no more. */
  private boolean searchFile(String file, Matcher matcher, Results results) {
    Path path;
    try {
      path = workspace.resolveForRead(file);
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      if (Files.size(path) > MAX_FILE_BYTES) {
        results.tooLarge(file);
        return true;
      }
      byte[] bytes = Files.readAllBytes(path);
      for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
        if (bytes[i] == 0) {
          return true;
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      matcher.reset(text);
      int n = text.length();
      for (int start = 0, line = 1; start < n; line++) {
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? n : nl;
        int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
        matcher.region(start, lineEnd);
        if (matcher.find() && !results.add(file, line, text.substring(start, lineEnd))) {
          return false;
        }
        start = end + 1;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** The results, kept within the count and the character budget, with what was left out counted. */
  private static final class Results {
    private final int max;
    private final int budget;
    private final StringBuilder out = new StringBuilder();
    private final List<String> tooLarge = new ArrayList<>();
    private int shown;
    private int leftOut;
    private boolean full;

    Results(int max, int budget) {
      this.max = max;
      this.budget = budget;
    }

    /** Takes a match; false once counting further is pointless. */
    boolean add(String file, int line, String text) {
      if (!full) {
        String stripped = text.strip();
        String row = file + ":" + line + ": " + (stripped.length() > MAX_LINE ? stripped.substring(0, MAX_LINE) + "..."
            : stripped) + "\n";
        if (shown < max && out.length() + row.length() <= budget) {
          out.append(row);
          shown++;
          return true;
        }
        full = true;
      }
      leftOut++;
      return leftOut < COUNT_LIMIT;
    }

    void tooLarge(String file) {
      tooLarge.add(file);
    }

    void clear() {
      out.setLength(0);
      shown = 0;
      leftOut = 0;
      full = false;
    }

    String render() {
      if (shown == 0 && leftOut == 0 && tooLarge.isEmpty()) {
        return "(no matches)";
      }
      StringBuilder text = new StringBuilder(shown == 0 ? "(no matches shown)\n" : out.toString());
      if (leftOut > 0) {
        text.append("[").append(leftOut >= COUNT_LIMIT ? "more than " + COUNT_LIMIT : String.valueOf(leftOut))
            .append(" more matches not shown; narrow the pattern or the path]\n");
      }
      if (!tooLarge.isEmpty()) {
        text.append("[not searched, larger than 64 MB: ").append(String.join(", ", tooLarge)).append("]\n");
      }
      return text.toString();
    }
  }
}
