package dev.aegis.core.model;

import java.util.Objects;

/**
 * A tool offered to the model.
 *
 * @param name the public tool name (see {@code docs/tools.md})
 * @param description what the tool does, for the model
 * @param parametersSchema the JSON Schema of the arguments object, as JSON text
 */
public record ToolSpec(String name, String description, String parametersSchema) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parametersSchema, "parametersSchema");
  }
}
