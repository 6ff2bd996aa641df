package dev.aegis.testkit.github;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the fake's traffic against GitHub's own OpenAPI description (a trimmed copy, see NOTICE.md beside it)
 * with swagger-request-validator: every request a client sends and every response the fake answers.
 *
 * <p>Allowances, each for a reason that is a fact about GitHub rather than about the fake:
 * <ul>
 *   <li>Statuses every endpoint can return but the description leaves out (304 to a conditional request, 401,
 *       403 for rate limits and permissions, 404, 409, 422, 429, 5xx) are not reported as unknown statuses.
 *       Their bodies are still checked wherever the description does define them.
 *   <li>Where the description lists an error status without content ({@code DELETE git/refs/{ref}} 422),
 *       GitHub still sends its JSON error body ({@code {"message": "Reference does not exist", ...}}); an error
 *       body there is not reported.
 *   <li>{@code Accept: application/vnd.github+json} (what GitHub asks clients to send, and hub4j sends) is
 *       checked as {@code application/json}, the only response type the description lists.
 *   <li>The 200 body of {@code PATCH /repos/{owner}/{repo}/issues/{issue_number}} is described as
 *       {@code allOf: [issue, {suggestions}]}; the validator injects {@code additionalProperties: false} into
 *       each branch, which no object can satisfy. The fake never sends {@code suggestions}, so that body is
 *       checked against {@code issue} alone (as {@code GET} of the same path answers it), strictly.
 *   <li>Path parameters that GitHub lets carry slashes ({@code {ref}} = {@code heads/feature/x}) are passed
 *       to the validator percent-encoded, so they match their single path parameter.
 *   <li>{@code GET /user} answers {@code oneOf: [private-user, public-user]} with {@code user_view_type} as
 *       the discriminator, but neither schema lists {@code user_view_type} as required, and the validator
 *       refuses such a schema as invalid. The loaded description marks it required in both (in memory only):
 *       stricter than the file, and the fake always sends it.
 * </ul>
 */
final class ContractValidator {
  static final String SPEC = "/dev/aegis/testkit/github/api.github.com.subset.json";
  private static final Set<Integer> UNDOCUMENTED_EVERYWHERE =
      Set.of(304, 401, 403, 404, 409, 422, 429, 500, 502, 503);

  private static final String ISSUE = "/repos/{owner}/{repo}/issues/{issue_number}";

  private final OpenApiInteractionValidator validator;

  ContractValidator() {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(load()).build();
  }

  /** Checks one exchange; {@code path} is the matched template filled with percent-encoded parameters. */
  List<ContractViolation> check(Exchange exchange) {
    ValidationReport report = exchange.route().equals(ISSUE) && exchange.method().equals("PATCH")
        && exchange.status() == 200
        ? validator.validateRequest(request(exchange)).merge(
            validator.validateResponse(exchange.validationPath(), Request.Method.GET, response(exchange)))
        : validator.validate(request(exchange), response(exchange));
    List<ContractViolation> violations = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR || allowed(message.getKey(), exchange.status())) {
        continue;
      }
      String text = message.getMessage() + String.join("; ", message.getAdditionalInfo());
      violations.add(new ContractViolation(
          exchange.method(), exchange.logPath(), exchange.status(), message.getKey(), text));
    }
    return violations;
  }

  private static boolean allowed(String key, int status) {
    return key.equals("validation.response.status.unknown") && UNDOCUMENTED_EVERYWHERE.contains(status)
        || key.equals("validation.response.body.unexpected") && status >= 400;
  }

  private static Request request(Exchange e) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(e.method(), e.validationPath());
    e.query().forEach(builder::withQueryParam);
    if (e.requestBody().length > 0) {
      builder.withBody(e.requestBody());
      builder.withContentType(e.requestContentType() == null ? "application/json" : e.requestContentType());
    }
    if (e.accept() != null) {
      builder.withAccept(e.accept().replaceAll("application/vnd\\.github(\\.[a-z0-9.-]+)?\\+json", "application/json"));
    }
    return builder.build();
  }

  private static SimpleResponse response(Exchange e) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(e.status());
    e.responseHeaders().forEach((name, value) -> builder.withHeader(name, value));
    if (e.responseBody().length > 0) {
      builder.withBody(new String(e.responseBody(), StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private static String load() {
    try (InputStream in = ContractValidator.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SPEC + " (run testkit/scripts/trim-openapi.mjs)");
      }
      return requireDiscriminators(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lists {@code user_view_type} as required in the user schemas it discriminates (see the class comment). */
  private static String requireDiscriminators(String spec) throws IOException {
    ObjectNode root = (ObjectNode) Shapes.JSON.readTree(spec);
    for (String schema : List.of("public-user", "private-user")) {
      JsonNode node = root.path("components").path("schemas").path(schema);
      if (node.path("required") instanceof ArrayNode required && !containsText(required, "user_view_type")) {
        required.add("user_view_type");
      }
    }
    return Shapes.JSON.writeValueAsString(root);
  }

  private static boolean containsText(ArrayNode array, String text) {
    for (JsonNode item : array) {
      if (text.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Everything the validator needs about one request and its answer. */
  record Exchange(
      String method,
      String route,
      String logPath,
      String validationPath,
      Map<String, List<String>> query,
      String requestContentType,
      String accept,
      byte[] requestBody,
      int status,
      Map<String, String> responseHeaders,
      byte[] responseBody) {}
}
