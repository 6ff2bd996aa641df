package dev.aegis.core.tracker.linear;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.testkit.linear.LinearContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins every document the client sends to Linear's official schema ({@code linear-schema.graphql} from Linear's SDK
 * repository: field names, argument names and types), and proves the check bites.
 */
class LinearContractTest {
  /** Linear's whole schema takes a second or two to load: once for the class. */
  private static LinearContract contract;
  private final LinearDocuments documents = new LinearDocuments();

  @BeforeAll
  static void loadLinearsSchema() {
    contract = LinearContract.official();
  }

  @Test
  void everyDocumentTheClientSendsIsValidAgainstLinearsOfficialSchema() {
    for (Operation operation : Operation.values()) {
      assertThat(contract.errors(documents.text(operation))).as(operation.document()).isEmpty();
    }
  }

  @Test
  void everyGraphQlFileIsAnOperationTheClientSendsOrAFragmentOfOne() throws Exception {
    Set<String> known = new HashSet<>(List.of(Operation.FRAGMENTS));
    for (Operation operation : Operation.values()) {
      known.add(operation.document());
    }
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/dev/aegis/core/tracker/linear"))) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".graphql"))
          .map(n -> n.substring(0, n.length() - ".graphql".length())))
          .as("a .graphql file the contract test would not see").allMatch(known::contains);
    }
  }

  @Test
  void everyDocumentTheClientSendsIsServedByTheFake() {
    LinearContract fake = LinearContract.load();
    for (Operation operation : Operation.values()) {
      assertThat(fake.errors(documents.text(operation))).as(operation.document()).isEmpty();
    }
  }

  @Test
  void aWrongFieldArgumentNameOrArgumentTypeIsRejected() {
    String issues = documents.text(Operation.ISSUES);
    String issue = documents.text(Operation.ISSUE);

    assertThat(contract.errors(issues.replace("  identifier\n", "  identifer\n")))
        .anySatisfy(e -> assertThat(e).contains("identifer"));
    assertThat(contract.errors(issues.replace("after: $after", "cursor: $after")))
        .anySatisfy(e -> assertThat(e).contains("cursor"));
    assertThat(contract.errors(issues.replace("$first: Int", "$first: String"))).isNotEmpty();
    assertThat(contract.errors(issue.replace("$id: String!", "$id: String"))).as("issue(id:) is String!")
        .isNotEmpty();
  }

  @Test
  void theFakeServerRejectsADocumentLinearWouldReject() throws Exception {
    try (LinearFixture fx = new LinearFixture()) {
      String bad = documents.text(Operation.VIEWER).replace("displayName", "handle");
      OkHttpClient http = new OkHttpClient();
      ObjectMapper json = new ObjectMapper();
      Request request = new Request.Builder()
          .url(fx.linear.endpoint().toString())
          .header("Authorization", fx.aegis.apiKey())
          .post(RequestBody.create(json.writeValueAsString(Map.of("query", bad)),
              MediaType.get("application/json")))
          .build();

      try (Response response = http.newCall(request).execute()) {
        JsonNode body = json.readTree(response.body().string());
        assertThat(response.code()).isEqualTo(400);
        assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(body.at("/errors/0/message").asText()).contains("handle");
      }
      http.dispatcher().executorService().shutdown();
    }
  }
}
