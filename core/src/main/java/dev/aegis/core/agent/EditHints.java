package dev.aegis.core.agent;

import java.util.List;
import java.util.stream.Collectors;

/** The helpful part of an {@code edit_file} refusal: how many matches, where, or what nearly matched. */
final class EditHints {
  private EditHints() {}

  static String explain(String path, String content, String oldText, List<Integer> at) {
    if (at.size() > 1) {
      String lines = at.stream().limit(10).map(i -> String.valueOf(lineOf(content, i)))
          .collect(Collectors.joining(", "));
      return "edit_file: old_text occurs " + at.size() + " times in " + path + " (at lines " + lines
          + "); include more surrounding lines so it matches exactly once";
    }
    String firstLine = oldText.strip().lines().findFirst().orElse("").strip();
    if (!firstLine.isEmpty()) {
      String[] lines = content.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].strip().equals(firstLine)) {
          return "edit_file: old_text was not found in " + path + "; its first line matches line " + (i + 1)
              + " apart from whitespace or the following lines: read_file the exact text and copy it"
              + " (indentation and line breaks must match)";
        }
      }
    }
    return "edit_file: old_text was not found in " + path + "; read_file it again and copy the exact text";
  }

  static int lineOf(String content, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (content.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
