package dev.aegis.testkit.acp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How to start {@link ScriptedAcpAgent} as its own process: the command line and what it must be able to read. */
public final class ScriptedAcpAgents {
  private ScriptedAcpAgents() {}

  /** The classpath entries it needs: its own classes and Jackson's jars. */
  public static List<Path> classpath() {
    Set<Path> out = new LinkedHashSet<>();
    for (Class<?> c : List.of(ScriptedAcpAgent.class, ObjectMapper.class, JsonFactory.class, JsonProperty.class)) {
      try {
        out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ArrayList<>(out);
  }

  /** The directories a sandbox must show for the agent to start ({@code sandbox.read-paths}). */
  public static List<String> readPaths() {
    Set<String> out = new LinkedHashSet<>();
    for (Path p : classpath()) {
      out.add((Files.isDirectory(p) ? p : p.getParent()).toString());
    }
    return new ArrayList<>(out);
  }

  /** Writes {@code scriptJson} to {@code dir} and returns the {@code acp:} value that runs the agent on it. */
  public static String agentValue(Path dir, String scriptJson) {
    try {
      Path script = Files.writeString(Files.createDirectories(dir).resolve("acp-script.json"), scriptJson);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = String.join(":", classpath().stream().map(Path::toString).toList());
      return "acp:" + java + " -cp " + cp + " " + ScriptedAcpAgent.class.getName() + " " + script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
