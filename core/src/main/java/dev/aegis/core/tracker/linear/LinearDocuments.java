package dev.aegis.core.tracker.linear;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the GraphQL documents the client sends from resource files, each with the fragments it uses. */
final class LinearDocuments {
  private final Map<Operation, String> loaded = new ConcurrentHashMap<>();

  /** The full document for {@code operation}: its text plus every fragment it spreads. */
  String text(Operation operation) {
    return loaded.computeIfAbsent(operation, LinearDocuments::load);
  }

  private static String load(Operation operation) {
    StringBuilder text = new StringBuilder(read(operation.document()));
    for (String fragment : Operation.FRAGMENTS) {
      if (text.indexOf("..." + fragment) >= 0) {
        text.append('\n').append(read(fragment));
      }
    }
    return text.toString();
  }

  private static String read(String name) {
    String resource = name + ".graphql";
    try (InputStream in = LinearDocuments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing GraphQL document " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
