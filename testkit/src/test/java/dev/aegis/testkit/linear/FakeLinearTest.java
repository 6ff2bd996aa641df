package dev.aegis.testkit.linear;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeLinearTest {
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeLinear linear = FakeLinear.start();
  private final FakeTeam eng = linear.team("ENG", "Engineering");
  private final FakeUser alice = linear.user("Alice", "alice@example.com");

  @AfterEach
  void stop() {
    linear.close();
  }

  @Test
  void aQueryNamingAFieldLinearDoesNotHaveIsRejected() throws Exception {
    Reply reply = post(alice.apiKey(), "query { issues { nodes { id bugType } } }", Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().at("/errors/0/message").asText()).contains("bugType");
    assertThat(reply.body().at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    assertThat(linear.contract().errors("query { issues { nodes { id bugType } } }")).isNotEmpty();
  }

  @Test
  void anArgumentOfTheWrongTypeIsRejected() throws Exception {
    Reply reply = post(alice.apiKey(), "query($n: String) { issues(first: $n) { nodes { id } } }", Map.of("n", "2"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
  }

  @Test
  void aMissingRequiredArgumentIsRejected() {
    assertThat(linear.contract().errors("query { issue { id } }")).isNotEmpty();
    assertThat(linear.contract().errors("query { issue(id: \"ENG-1\") { id identifier } }")).isEmpty();
  }

  @Test
  void anUnknownApiKeyGetsLinearsAuthenticationError() throws Exception {
    Reply reply = post("lin_api_wrong", "query { viewer { id } }", Map.of());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().at("/errors/0/extensions/code").asText()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void issuesArePagedWithCursorsAndFilteredByLabel() throws Exception {
    linear.label("Bug");
    for (int i = 0; i < 5; i++) {
      linear.issue(eng, alice, "bug " + i).labels("Bug").create();
      linear.issue(eng, alice, "chore " + i).create();
    }
    String query = "query($f: IssueFilter, $after: String) { issues(filter: $f, first: 2, after: $after) {"
        + " nodes { identifier } pageInfo { hasNextPage endCursor } } }";
    Map<String, Object> filter = Map.of("labels", Map.of("some", Map.of("name", Map.of("eq", "Bug"))));

    JsonNode first = post(alice.apiKey(), query, Map.of("f", filter)).body().at("/data/issues");
    JsonNode second = post(alice.apiKey(), query, Map.of("f", filter, "after", first.at("/pageInfo/endCursor")
        .asText())).body().at("/data/issues");

    assertThat(first.at("/nodes").size()).isEqualTo(2);
    assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    assertThat(second.at("/nodes").findValuesAsText("identifier")).doesNotContainAnyElementsOf(
        first.at("/nodes").findValuesAsText("identifier"));
    assertThat(linear.requests("issues")).isEqualTo(2);
  }

  @Test
  void aDeletedIssueIsNotFound() throws Exception {
    String id = linear.issue(eng, alice, "gone").create();
    linear.delete(id);

    Reply reply = post(alice.apiKey(), "query($id: String!) { issue(id: $id) { id } }", Map.of("id", id));

    assertThat(reply.body().at("/errors/0/message").asText()).isEqualTo("Entity not found: Issue");
    assertThat(reply.body().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void queuedFailuresAreAnsweredBeforeExecuting() throws Exception {
    linear.failNext(FakeFailure.rateLimited(Instant.ofEpochMilli(1_000)));

    Reply limited = post(alice.apiKey(), "query { viewer { id } }", Map.of());
    Reply ok = post(alice.apiKey(), "query { viewer { email } }", Map.of());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(ok.body().at("/data/viewer/email").asText()).isEqualTo("alice@example.com");
    assertThat(linear.requests()).extracting(LoggedRequest::status).containsExactly(429, 200);
  }

  @Test
  void onlyTheAuthorMayEditAComment() throws Exception {
    FakeUser bob = linear.user("Bob", "bob@example.com");
    String id = linear.issue(eng, alice, "x").create();
    String comment = linear.comment(id, alice, "mine");
    String mutation = "mutation($id: String!, $in: CommentUpdateInput!) { commentUpdate(id: $id, input: $in) {"
        + " success } }";

    Reply reply = post(bob.apiKey(), mutation, Map.of("id", comment, "in", Map.of("body", "hijack")));

    assertThat(reply.body().at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(linear.snapshot(id).comments().get(0).body()).isEqualTo("mine");
  }

  @Test
  void commentBodiesComeBackWithoutHtmlAsLinearStoresThemButCodeIsKept() throws Exception {
    String id = linear.issue(eng, alice, "x").description("Broken <!-- hidden --> page").create();
    String body = "### Status\n\nVisible.\n\n<details><summary>More</summary>\n\nInside.\n\n</details>\n\n"
        + "Use `<br>` here.\n\n<!-- aegis:state {\"run\":\"x\"} -->";
    String mutation = "mutation($in: CommentCreateInput!) { commentCreate(input: $in) { success comment { body } } }";

    Reply reply = post(alice.apiKey(), mutation, Map.of("in", Map.of("issueId", id, "body", body)));

    assertThat(reply.body().at("/data/commentCreate/comment/body").asText())
        .isEqualTo("### Status\n\nVisible.\n\nMore\n\nInside.\n\nUse `<br>` here.");
    assertThat(linear.snapshot(id).comments().get(0).body()).doesNotContain("<!--", "aegis:state", "<details>");
    assertThat(post(alice.apiKey(), "query($id: String!) { issue(id: $id) { description } }", Map.of("id", id))
        .body().at("/data/issue/description").asText()).isEqualTo("Broken  page");
  }

  @Test
  void anAttachmentIsUniquePerIssueAndUrlAndKeepsItsFirstCreatorAndItsMetadataVerbatim() throws Exception {
    FakeUser bob = linear.user("Bob", "bob@example.com");
    String id = linear.issue(eng, alice, "x").create();
    String mutation = "mutation($in: AttachmentCreateInput!) { attachmentCreate(input: $in) { success"
        + " attachment { id metadata creator { email } } } }";
    Map<String, Object> first = Map.of("issueId", id, "url", "https://example.com/r/1", "title", "One",
        "metadata", Map.of("state", "{\"a\":1}", "n", 2));

    JsonNode created = post(alice.apiKey(), mutation, Map.of("in", first)).body().at("/data/attachmentCreate");
    JsonNode updated = post(bob.apiKey(), mutation, Map.of("in", Map.of("issueId", id, "url", "https://example.com/r/1",
        "title", "Two", "metadata", Map.of("state", "changed")))).body().at("/data/attachmentCreate");

    assertThat(created.at("/attachment/metadata/state").asText()).isEqualTo("{\"a\":1}");
    assertThat(created.at("/attachment/metadata/n").asInt()).isEqualTo(2);
    assertThat(updated.at("/attachment/id").asText()).isEqualTo(created.at("/attachment/id").asText());
    assertThat(updated.at("/attachment/creator/email").asText()).as("the first creator stays").isEqualTo(alice.email());
    assertThat(linear.snapshot(id).attachments()).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Two");
      assertThat(a.metadata()).isEqualTo(Map.of("state", "changed"));
    });
  }

  @Test
  void attachmentMetadataValuesMustBeStringsOrNumbers() throws Exception {
    String id = linear.issue(eng, alice, "x").create();
    String mutation = "mutation($in: AttachmentCreateInput!) { attachmentCreate(input: $in) { success } }";

    Reply reply = post(alice.apiKey(), mutation, Map.of("in", Map.of("issueId", id, "url", "https://example.com/r",
        "title", "t", "metadata", Map.of("nested", Map.of("a", 1)))));

    assertThat(reply.body().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(linear.snapshot(id).attachments()).isEmpty();
  }

  private Reply post(String key, String query, Map<String, Object> variables) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(linear.endpoint())
        .header("Authorization", key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            json.writeValueAsString(Map.of("query", query, "variables", variables))))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), json.readTree(response.body()));
  }

  private record Reply(int status, JsonNode body) {}
}
