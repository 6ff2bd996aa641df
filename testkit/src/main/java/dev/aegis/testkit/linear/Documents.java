package dev.aegis.testkit.linear;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading request documents for the log, and shaping responses the way Linear shapes them. */
final class Documents {
  private Documents() {}

  /** The root fields of the operation that would run; empty when the document does not parse. */
  static List<String> rootFields(String query, String operationName) {
    try {
      Document document = Parser.parse(query);
      return document.getDefinitionsOfType(OperationDefinition.class).stream()
          .filter(op -> operationName == null || operationName.equals(op.getName()))
          .findFirst()
          .map(op -> op.getSelectionSet().getSelectionsOfType(Field.class).stream().map(Field::getName).toList())
          .orElse(List.of());
    } catch (InvalidSyntaxException e) {
      return List.of();
    }
  }

  /** Linear's answer to a missing or unknown API key. */
  static String authenticationError() {
    return "{\"errors\":[{\"message\":\"Authentication required, not authenticated\",\"extensions\":{"
        + "\"code\":\"AUTHENTICATION_ERROR\",\"type\":\"authentication error\",\"userError\":true,"
        + "\"statusCode\":401,\"userPresentableMessage\":\"You need to authenticate to access this operation.\"}}]}";
  }

  /** The result as JSON-ready maps, validation errors tagged with the code Linear's server gives them. */
  static Map<String, Object> linearShape(ExecutionResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (result.isDataPresent()) {
      body.put("data", result.getData());
    }
    if (!result.getErrors().isEmpty()) {
      body.put("errors", result.getErrors().stream().map(Documents::error).toList());
    }
    return body;
  }

  private static Map<String, Object> error(GraphQLError error) {
    Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
    if (error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax) {
      spec.put("extensions", Map.of(
          "code", "GRAPHQL_VALIDATION_FAILED", "type", "graphql error", "userError", true));
    }
    return spec;
  }
}
