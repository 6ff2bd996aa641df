package dev.aegis.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.policy.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {
  @TempDir Path temp;
  Path file;
  String finalHash;

  @BeforeEach
  void writeALog() {
    file = temp.resolve("audit.jsonl");
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    try (AuditLog log = AuditLog.create(file, clock, Redactor.of(List.of("hunter2-secret")))) {
      log.append("run_start", Map.of("mode", "FIX", "note", "key hunter2-secret here"));
      log.append("tool", Map.of("name", "read_file", "step", 1));
      log.append("tool", Map.of("name", "edit_file", "step", 2));
      finalHash = log.append("run_end", Map.of("stop", "FINISHED"));
    }
  }

  private List<String> lines() throws Exception {
    return new ArrayList<>(Files.readAllLines(file));
  }

  private AuditVerification verifyAfter(List<String> lines) throws Exception {
    Files.write(file, lines);
    return AuditVerifier.verify(file, null);
  }

  @Test
  void anUntouchedLogVerifiesAndItsFinalHashMatches() {
    AuditVerification result = AuditVerifier.verify(file, finalHash);
    assertThat(result.intact()).isTrue();
    assertThat(result.entries()).isEqualTo(4);
    assertThat(result.finalHash()).isEqualTo(finalHash);
  }

  @Test
  void secretsAreRedactedBeforeHashing() throws Exception {
    assertThat(Files.readString(file)).doesNotContain("hunter2-secret").contains("key *** here");
  }

  @Test
  void anEditedEntryIsCaught() throws Exception {
    List<String> lines = lines();
    lines.set(1, lines.get(1).replace("read_file", "list_files"));
    AuditVerification result = verifyAfter(lines);
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenLine()).isEqualTo(2);
    assertThat(result.problem()).contains("edited");
  }

  @Test
  void anEditedEntryWithARecomputedHashBreaksTheNextLink() throws Exception {
    List<String> lines = lines();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    var entry = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(1));
    ((com.fasterxml.jackson.databind.node.ObjectNode) entry.get("data")).put("name", "list_files");
    entry.put("hash", Canonical.entryHash(json, entry));
    lines.set(1, entry.toString());
    AuditVerification result = verifyAfter(lines);
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenLine()).isEqualTo(3);
  }

  @Test
  void aDroppedEntryIsCaught() throws Exception {
    List<String> lines = lines();
    lines.remove(2);
    AuditVerification result = verifyAfter(lines);
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenLine()).isEqualTo(3);
    assertThat(result.problem()).contains("dropped or reordered");
  }

  @Test
  void reorderedEntriesAreCaught() throws Exception {
    List<String> lines = lines();
    String second = lines.get(1);
    lines.set(1, lines.get(2));
    lines.set(2, second);
    AuditVerification result = verifyAfter(lines);
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenLine()).isEqualTo(2);
  }

  @Test
  void aCutOffTailIsCaughtOnlyAgainstThePublishedFinalHash() throws Exception {
    List<String> lines = lines();
    lines.remove(3);
    Files.write(file, lines);
    assertThat(AuditVerifier.verify(file, null).intact()).isTrue();
    AuditVerification result = AuditVerifier.verify(file, finalHash);
    assertThat(result.intact()).isFalse();
    assertThat(result.problem()).contains("cut off");
  }

  @Test
  void garbageIsNotAnEntry() throws Exception {
    List<String> lines = lines();
    lines.add(1, "not json");
    assertThat(verifyAfter(lines).problem()).isEqualTo("not a JSON object");
  }
}
