package dev.aegis.testkit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Real GitHub webhook payloads for tests (see {@code NOTICE.md} beside them for where each comes from).
 *
 * <p>Names are {@code <event>.<action>} or {@code <event>} for events without actions, optionally followed by
 * the example number: {@code issues.labeled} is the first {@code issues.labeled} example,
 * {@code issue_comment.created.3} the third {@code issue_comment.created} one. See {@link #NAMES}.
 */
public final class Events {
  /** Every fixture, by full name. */
  public static final List<String> NAMES = List.of(
      "issues.opened.1", "issues.opened.2", "issues.opened.3", "issues.opened.4",
      "issues.labeled.1", "issues.labeled.2",
      "issues.edited.1", "issues.edited.2", "issues.edited.3",
      "issue_comment.created.1", "issue_comment.created.2", "issue_comment.created.3",
      "issue_comment.created.4", "issue_comment.created.5",
      "workflow_dispatch.1", "workflow_dispatch.2",
      "schedule.1");

  private static final Pattern NUMBERED = Pattern.compile(".*\\.\\d+$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /** The payload's text exactly as stored. */
  public static String text(String name) {
    String file = NUMBERED.matcher(name).matches() ? name : name + ".1";
    try (InputStream in = Events.class.getResourceAsStream(file + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no event fixture " + name + "; known: " + NAMES);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payload as a fresh, mutable JSON tree (change it freely: each call parses again). */
  public static ObjectNode json(String name) {
    try {
      return (ObjectNode) JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code payload} to {@code file}, as Actions does for {@code GITHUB_EVENT_PATH}, and returns it. */
  public static Path write(JsonNode payload, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(payload));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
