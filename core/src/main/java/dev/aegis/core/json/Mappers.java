package dev.aegis.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The two Jackson mappers the core uses, built once per process.
 *
 * <p>An {@link ObjectMapper} is costly to build (its serializer and deserializer caches start empty)
 * and thread-safe once configured, so every reader and writer in the core shares these. They are
 * configuration, not state: nothing may reconfigure them after this class is loaded, and
 * {@code ArchitectureTest} fails a build that calls a mapper's configuring methods or builds another
 * mapper elsewhere in the core. A site that needs other features should use
 * {@code JSON.reader(...)} or {@code JSON.writer(...)}, which return new immutable objects.
 */
public final class Mappers {
  /** Plain JSON with Jackson's defaults. */
  public static final ObjectMapper JSON = new ObjectMapper();

  /** YAML (the {@code .aegis.yml} config and the local config switch) with Jackson's defaults. */
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Mappers() {}
}
