package dev.aegis.testkit.linear;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The part of Linear's GraphQL schema Aegis uses ({@code linear-subset.graphql}, generated from the types Linear
 * publishes in {@code @linear/sdk} by {@code testkit/scripts/linear-schema.mjs}). A document that names a field,
 * argument or type Linear does not have, or passes an argument of the wrong type, fails {@link #errors(String)}
 * exactly as it would fail graphql-java's validation in {@link FakeLinear}.
 */
public final class LinearContract {
  static final String RESOURCE = "/dev/aegis/testkit/linear/linear-subset.graphql";

  private final TypeDefinitionRegistry registry;
  private final GraphQLSchema validationSchema;

  private LinearContract(TypeDefinitionRegistry registry) {
    this.registry = registry;
    this.validationSchema = schema(LinearScalars.wiring());
  }

  /** Loads the generated schema subset from the classpath. */
  public static LinearContract load() {
    try (InputStream in = LinearContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + "; run testkit/scripts/linear-schema.mjs");
      }
      return new LinearContract(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses and validates {@code document} against Linear's schema.
   *
   * @return one message per problem; empty when Linear would accept the document's shape
   */
  public List<String> errors(String document) {
    ParseAndValidateResult result =
        ParseAndValidate.parseAndValidate(validationSchema, ExecutionInput.newExecutionInput(document).build());
    return result.getErrors().stream().map(GraphQLError::getMessage).toList();
  }

  /** An executable schema with the given wiring (scalars must be part of it). */
  GraphQLSchema schema(RuntimeWiring.Builder wiring) {
    return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
  }
}
