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
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Linear GraphQL schema to validate documents against: {@link #official()} is Linear's own schema (the contract),
 * {@link #load()} the subset of it {@link FakeLinear} executes ({@code linear-subset.graphql}, cut out of the official
 * one by {@link LinearSubset}). A document that names a field, argument or type Linear does not have, or passes an
 * argument of the wrong type, fails {@link #errors(String)}.
 */
public final class LinearContract {
  static final String RESOURCE = "/dev/aegis/testkit/linear/linear-subset.graphql";

  private final TypeDefinitionRegistry registry;
  private final GraphQLSchema validationSchema;

  private LinearContract(TypeDefinitionRegistry registry, boolean executable) {
    this.registry = registry;
    this.validationSchema = executable
        ? schema(LinearScalars.wiring())
        : UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
  }

  /** The schema subset the fake executes, from the classpath (fast: load it per fake). */
  public static LinearContract load() {
    return new LinearContract(new SchemaParser().parse(read(RESOURCE)), true);
  }

  /**
   * Linear's official schema ({@code linear-schema.graphql}, see its {@code NOTICE.md}), for validation only. It is
   * large (1.2 MB, 1,171 types): loading takes a second or two, so load it once per test class.
   */
  public static LinearContract official() {
    return new LinearContract(new SchemaParser().parse(read(LinearSubset.OFFICIAL)), false);
  }

  static String read(String resource) {
    try (InputStream in = LinearContract.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource + " on the classpath (testkit resources)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
