package dev.aegis.testkit.linear;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.util.Locale;

/** Linear's custom scalars as the fake needs them: date-times travel as ISO-8601 strings, JSON as-is. */
final class LinearScalars {
  private LinearScalars() {}

  static RuntimeWiring.Builder wiring() {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(scalar("DateTime"))
        .scalar(scalar("DateTimeOrDuration"))
        .scalar(scalar("JSONObject"));
  }

  private static GraphQLScalarType scalar(String name) {
    return GraphQLScalarType.newScalar().name(name).coercing(new PassThrough()).build();
  }

  /** Serialises instants as ISO-8601 text; accepts variables and string literals unchanged. */
  private static final class PassThrough implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
      return value instanceof Instant instant ? instant.toString() : value;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      return input;
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof StringValue string) {
        return string.getValue();
      }
      throw new CoercingParseLiteralException("expected a string literal, got " + input);
    }
  }
}
