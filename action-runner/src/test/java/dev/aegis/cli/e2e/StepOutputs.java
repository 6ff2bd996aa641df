package dev.aegis.cli.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code GITHUB_OUTPUT} file the way the Actions runner does: {@code name=value} lines and
 * {@code name<<DELIMITER} heredocs that end at a line holding only the delimiter. Anything else is an error, as
 * it fails the step on a real runner.
 */
final class StepOutputs {
  private StepOutputs() {}

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i++];
      if (line.isEmpty()) {
        continue;
      }
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String name = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        boolean closed = false;
        while (i < lines.length) {
          String next = lines[i++];
          if (next.equals(delimiter)) {
            closed = true;
            break;
          }
          value.add(next);
        }
        if (!closed) {
          throw new AssertionError("GITHUB_OUTPUT: heredoc '" + name + "' is never closed by " + delimiter);
        }
        out.put(name, String.join("\n", value));
      } else if (equals > 0) {
        out.put(line.substring(0, equals), line.substring(equals + 1));
      } else {
        throw new AssertionError("GITHUB_OUTPUT: the runner rejects the line '" + line + "'");
      }
    }
    return out;
  }
}
