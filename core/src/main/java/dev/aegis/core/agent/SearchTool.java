package dev.aegis.core.agent;

import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.policy.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code search}: a regular expression over the workspace's files (those {@code list_files} shows). */
final class SearchTool {
  static final int DEFAULT_RESULTS = 50;
  static final int MAX_RESULTS = 200;
  private static final long MAX_FILE_BYTES = 2L << 20;

  private final Workspace workspace;
  private final FileTools files;

  SearchTool(Workspace workspace, FileTools files) {
    this.workspace = workspace;
    this.files = files;
  }

  String search(ToolArgs args) {
    Pattern pattern = compile(args.string("pattern"));
    String under = files.prefix(args.optionalString("path", ""));
    int max = Math.max(1, Math.min(MAX_RESULTS, args.optionalInt("max_results", DEFAULT_RESULTS)));
    StringBuilder out = new StringBuilder();
    int found = 0;
    for (String file : files.files()) {
      if (!under.isEmpty() && !file.startsWith(under)) {
        continue;
      }
      for (String hit : hits(file, pattern)) {
        if (found == max) {
          return out + "[more matches not shown; narrow the pattern or the path]\n";
        }
        out.append(hit).append('\n');
        found++;
      }
    }
    return found == 0 ? "(no matches)" : out.toString();
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ToolError("search: the pattern is not a valid regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }

  private List<String> hits(String file, Pattern pattern) {
    Path path;
    try {
      path = workspace.resolveForRead(file);
    } catch (RuntimeException e) {
      return List.of();
    }
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_FILE_BYTES) {
        return List.of();
      }
      byte[] bytes = Files.readAllBytes(path);
      for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
        if (bytes[i] == 0) {
          return List.of();
        }
      }
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
      java.util.ArrayList<String> out = new java.util.ArrayList<>();
      for (int i = 0; i < lines.length && out.size() <= MAX_RESULTS; i++) {
        if (pattern.matcher(lines[i]).find()) {
          String text = lines[i].strip();
          out.add(file + ":" + (i + 1) + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }
}
