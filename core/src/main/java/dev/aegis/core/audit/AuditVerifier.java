package dev.aegis.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks an {@link AuditLog} file: sequence numbers, the hash chain and each entry's own hash. */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Verifies {@code file}.
   *
   * @param expectedFinalHash the published final hash, or null when unknown (a cut-off tail then goes
   *     unnoticed)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static AuditVerification verify(Path file, String expectedFinalHash) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + file, e);
    }
    ObjectMapper json = Mappers.JSON;
    String previous = AuditLog.GENESIS;
    int count = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String problem = check(json, lines.get(i), count + 1, previous);
      if (problem != null) {
        return new AuditVerification(false, count, previous, i + 1, problem);
      }
      previous = readTree(json, lines.get(i)).path("hash").asText();
      count++;
    }
    if (expectedFinalHash != null && !expectedFinalHash.equalsIgnoreCase(previous)) {
      return new AuditVerification(false, count, previous, lines.size(), "the final hash is " + previous
          + " but " + expectedFinalHash + " was published: entries were cut off the end or the log replaced");
    }
    return new AuditVerification(true, count, previous, 0, "");
  }

  private static String check(ObjectMapper json, String line, long expectedSeq, String previous) {
    JsonNode node = readTree(json, line);
    if (!(node instanceof ObjectNode entry)) {
      return "not a JSON object";
    }
    long seq = entry.path("seq").asLong(-1);
    if (seq != expectedSeq) {
      return "seq is " + seq + " where " + expectedSeq + " was expected: an entry was dropped or reordered";
    }
    if (!previous.equals(entry.path("prev").asText())) {
      return "entry " + seq + " does not chain to the entry before it: an entry was dropped or reordered";
    }
    if (!Canonical.entryHash(json, entry).equals(entry.path("hash").asText())) {
      return "entry " + seq + " (" + entry.path("type").asText() + ") does not match its hash: it was edited";
    }
    return null;
  }

  private static JsonNode readTree(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }
}
