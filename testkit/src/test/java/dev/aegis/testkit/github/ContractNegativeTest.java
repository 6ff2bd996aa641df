package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.testkit.github.RawGitHub.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract check is not a rubber stamp: it catches bad requests, bad response shapes and unknown routes. */
class ContractNegativeTest {
  private FakeGitHub fake;
  private RawGitHub api;

  @BeforeEach
  void start() {
    fake = FakeGitHub.start();
    fake.createRepository("octo-org/app").setPermission("maintainer", Role.ADMIN);
    api = new RawGitHub(fake.apiUrl(), fake.newToken("maintainer"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void requestBodyMissingARequiredFieldIsAViolation() {
    api.post("/repos/octo-org/app/git/refs", Map.of("sha", "0123456789012345678901234567890123456789"));

    assertThat(fake.contractViolations())
        .anySatisfy(v -> {
          assertThat(v.aboutRequest()).isTrue();
          assertThat(v.key()).isEqualTo("validation.request.body.schema.required");
          assertThat(v.message()).contains("ref");
        });
    assertThatThrownBy(fake::assertNoContractViolations).isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /repos/octo-org/app/git/refs");
  }

  @Test
  void repeatedQueryParameterIsAViolation() {
    // what hub4j sends when GHIssueQueryBuilder.label() is called twice
    api.get("/repos/octo-org/app/issues?labels=bug&labels=bug,ready");

    assertThat(fake.contractViolations()).extracting(ContractViolation::key)
        .contains("validation.request.parameter.collection.invalid");
  }

  @Test
  void requestBodyWithAWrongTypeIsAViolation() {
    api.post("/repos/octo-org/app/issues", Map.of("title", "t", "labels", "bug"));

    assertThat(fake.contractViolations()).extracting(ContractViolation::key)
        .contains("validation.request.body.schema.type");
  }

  @Test
  void operationOutsideTheDescriptionIsAViolation() {
    // hub4j's GHRepository.getRef reads git/refs/{ref}, which GitHub still serves but no longer describes
    Response response = api.get("/repos/octo-org/app/git/refs/heads/main");

    assertThat(response.status()).isEqualTo(404);
    assertThat(fake.contractViolations()).extracting(ContractViolation::key).containsExactly("fake.route.unknown");
  }

  @Test
  void responseMissingARequiredFieldIsAViolation() {
    ObjectNode issue = (ObjectNode) api.post("/repos/octo-org/app/issues", Map.of("title", "t")).json();
    fake.assertNoContractViolations();
    issue.remove("number");
    issue.put("state", 3);

    List<ContractViolation> violations = new ContractValidator().check(exchange(
        "GET", "/repos/{owner}/{repo}/issues/{issue_number}", "/repos/octo-org/app/issues/1", 200,
        issue.toString()));

    assertThat(violations).extracting(ContractViolation::key)
        .contains("validation.response.body.schema.required", "validation.response.body.schema.type");
  }

  @Test
  void responseWithAnUndescribedFieldIsAViolation() {
    ObjectNode variable = RawGitHub.JSON.createObjectNode().put("name", "X").put("value", "1")
        .put("created_at", "2024-01-01T00:00:00Z").put("updated_at", "2024-01-01T00:00:00Z")
        .put("visibility", "all");

    List<ContractViolation> violations = new ContractValidator().check(exchange(
        "GET", "/repos/{owner}/{repo}/actions/variables/{name}", "/repos/octo-org/app/actions/variables/X", 200,
        variable.toString()));

    assertThat(violations).extracting(ContractViolation::key)
        .containsExactly("validation.response.body.schema.additionalProperties");
  }

  @Test
  void wellFormedResponseHasNoViolation() {
    ObjectNode variable = RawGitHub.JSON.createObjectNode().put("name", "X").put("value", "1")
        .put("created_at", "2024-01-01T00:00:00Z").put("updated_at", "2024-01-01T00:00:00Z");

    assertThat(new ContractValidator().check(exchange(
        "GET", "/repos/{owner}/{repo}/actions/variables/{name}", "/repos/octo-org/app/actions/variables/X", 200,
        variable.toString()))).isEmpty();
  }

  private static ContractValidator.Exchange exchange(String method, String route, String path, int status,
      String body) {
    return new ContractValidator.Exchange(method, route, path, path, Map.of(), null, "application/json",
        new byte[0], status, Map.of("Content-Type", "application/json; charset=utf-8"),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
