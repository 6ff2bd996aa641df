package dev.aegis.core.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.memory.InMemoryTracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The built-in demo tracker: an in-memory repository {@code aegis-demo/shop} with a few sample bugs. */
public final class DemoTracker {
  /** The repository the demo pretends to watch. */
  public static final String REPOSITORY = "aegis-demo/shop";
  /** The identity the demo's Aegis writes as. */
  public static final Author SELF = new Author("aegis[bot]", true);

  private DemoTracker() {}

  /** A fresh demo tracker seeded with the sample issues (resource {@code issues.json}). */
  public static InMemoryTracker create(Clock clock, String readyLabel, String bugLabel) {
    InMemoryTracker tracker = new InMemoryTracker(SELF, readyLabel, bugLabel, clock);
    Instant start = clock.instant().minus(Duration.ofHours(3));
    int i = 0;
    for (JsonNode n : load()) {
      Instant at = start.plus(Duration.ofMinutes(10L * i++));
      List<String> labels = new ArrayList<>();
      n.path("labels").forEach(l -> labels.add(switch (l.asText()) {
        case "ready to implement" -> readyLabel;
        case "bug" -> bugLabel;
        default -> l.asText();
      }));
      int number = n.path("number").asInt();
      tracker.put(new Issue(IssueKey.github(number), n.path("title").asText(), n.path("body").asText(), labels,
          "open", Author.human(n.path("author").asText()), at, at,
          "https://github.com/" + REPOSITORY + "/issues/" + number));
    }
    return tracker;
  }

  private static JsonNode load() {
    try (InputStream in = DemoTracker.class.getResourceAsStream("issues.json")) {
      if (in == null) {
        throw new IllegalStateException("the demo issues are missing from the Aegis jar");
      }
      return Mappers.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
