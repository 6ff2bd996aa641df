package dev.aegis.core.agent;

/** Where the engine reports progress lines (already redacted); hosts print them. Must not throw. */
@FunctionalInterface
public interface Progress {
  Progress SILENT = line -> { };

  void line(String text);
}
