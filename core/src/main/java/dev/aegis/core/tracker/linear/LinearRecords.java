package dev.aegis.core.tracker.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.IssueRecord;
import dev.aegis.core.tracker.IssueRecords;
import dev.aegis.core.tracker.TrackerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IssueRecords} on Linear: each record is an attachment of the issue. Linear's schema types an attachment's
 * {@code metadata} as JSON and its guide describes it as key-value data with string or number values, kept by the
 * API; the URL is the attachment's identity on the issue (creating one with the same URL updates it). So a record is
 * one attachment whose URL is unique to the record and whose metadata holds the record's data as strings, plus its
 * name ({@value #NAME}) and a {@link RecordSeal seal} ({@value #SEAL}).
 *
 * <p>The URL is the issue's own address with a fragment naming the record, {@code
 * https://linear.app/<workspace>/issue/ENG-950#aegis-run-eng-950-k3x9qa}: clicking the attachment in Linear's sidebar
 * stays on the issue. Not checked against a live workspace: that Linear stores such a self-link as a plain attachment
 * and keeps its metadata verbatim. Every write reads the attachment back from Linear's answer and fails loudly (502)
 * when URL, creator or metadata differ, so a wrong guess stops Aegis before it loses a run.
 *
 * <p>Trusted are only attachments whose creator is the API key's own user and whose seal verifies; anything else
 * (a look-alike by someone else, Aegis's attachment edited by someone else) is left out.
 */
final class LinearRecords implements IssueRecords {
  static final String NAME = "aegisRecord";
  static final String SEAL = "aegisSeal";

  private final LinearGraphQl graphQl;
  private final Pages pages;
  private final LinearPeople people;
  private final RecordSeal seal;
  private final String endpoint;
  private final ObjectMapper json = Mappers.JSON;

  LinearRecords(LinearGraphQl graphQl, Pages pages, LinearPeople people, LinearConnection connection) {
    this.graphQl = graphQl;
    this.pages = pages;
    this.people = people;
    this.seal = new RecordSeal(connection.apiKey());
    this.endpoint = connection.endpoint().toString();
  }

  @Override
  public List<IssueRecord> list(IssueKey key) {
    String self = people.selfId();
    List<Sealed> found = new ArrayList<>();
    for (JsonNode node : pages.all(Operation.ISSUE_ATTACHMENTS, Map.of("id", issue(key)), "/issue/attachments")) {
      if (self.equals(node.path("creator").path("id").asText(null))) {
        trusted(key, node).ifPresent(found::add);
      }
    }
    found.sort(Comparator.comparing(Sealed::createdAt));
    return found.stream().map(Sealed::record).toList();
  }

  @Override
  public void put(IssueKey key, IssueRecord record) {
    Map<String, Object> metadata = new LinkedHashMap<>(record.data());
    if (metadata.containsKey(NAME) || metadata.containsKey(SEAL)) {
      throw new IllegalArgumentException(NAME + " and " + SEAL + " are reserved in Aegis's records");
    }
    metadata.put(NAME, record.name());
    metadata.put(SEAL, seal.seal(issue(key), record.name(), record.data()));
    String url = url(key, record.name());
    Map<String, Object> input = new HashMap<>();
    input.put("issueId", issue(key)); // Linear takes the identifier (ENG-950) as well as the UUID here
    input.put("url", url);
    input.put("title", record.title());
    input.put("subtitle", record.subtitle());
    input.put("metadata", metadata);
    JsonNode payload = graphQl.call(Operation.ATTACHMENT_CREATE, Map.of("input", input)).path("attachmentCreate");
    JsonNode stored = payload.path("attachment");
    boolean kept = payload.path("success").asBoolean(false)
        && url.equals(stored.path("url").asText())
        && people.selfId().equals(stored.path("creator").path("id").asText(null))
        && json.valueToTree(metadata).equals(stored.path("metadata"));
    if (!kept) {
      throw new TrackerException("Linear did not keep Aegis's record '" + record.name() + "' on " + key.id()
          + " as written (the attachment " + url + " came back with other metadata, URL or creator). Linear drops"
          + " hidden HTML from comments, so Aegis keeps each run's state in an attachment's metadata; without it"
          + " Aegis would lose the run and ask again, so it stops here. Nothing else was written for this step."
          + " Please report this with this log: Linear's attachment API may have changed.", 502, endpoint);
    }
  }

  /** The record in a node Aegis created, if it is one of Aegis's records and its seal verifies. */
  private Optional<Sealed> trusted(IssueKey key, JsonNode node) {
    JsonNode metadata = node.path("metadata");
    String name = metadata.path(NAME).asText("");
    String sealed = metadata.path(SEAL).asText("");
    if (name.isEmpty() || sealed.isEmpty()) {
      return Optional.empty(); // an attachment Aegis made that is no record: the pull request link
    }
    Map<String, String> data = new LinkedHashMap<>();
    var fields = metadata.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!field.getKey().equals(NAME) && !field.getKey().equals(SEAL)) {
        if (!field.getValue().isTextual()) {
          return Optional.empty(); // Aegis writes text only
        }
        data.put(field.getKey(), field.getValue().asText());
      }
    }
    if (!seal.verifies(issue(key), name, data, sealed)) {
      return Optional.empty();
    }
    try {
      IssueRecord record = new IssueRecord(name, node.path("title").asText(name), node.path("subtitle").asText(""),
          data);
      return Optional.of(new Sealed(record, LinearMapping.instant(node.path("createdAt"))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String url(IssueKey key, String name) {
    return "https://linear.app/" + people.workspaceKey() + "/issue/" + issue(key) + "#aegis-" + name;
  }

  private static String issue(IssueKey key) {
    if (!LinearMapping.KIND.equals(key.tracker())) {
      throw new IllegalArgumentException("not a Linear issue: " + key.display());
    }
    return key.id().toUpperCase(Locale.ROOT);
  }

  private record Sealed(IssueRecord record, Instant createdAt) {}
}
