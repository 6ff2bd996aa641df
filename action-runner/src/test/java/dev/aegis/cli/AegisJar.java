package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fat jar Maven built in {@code package}, and the command line that runs it as {@code action.yml} does. */
public final class AegisJar {
  private AegisJar() {}

  /** The jar; failsafe passes its path as the system property {@code aegis.jar}. */
  public static Path path() {
    String path = System.getProperty("aegis.jar");
    assertThat(path).as("system property aegis.jar (set by failsafe)").isNotBlank();
    Path jar = Path.of(path);
    assertThat(jar).as("the fat jar; run 'verify', which packages it first").isRegularFile();
    return jar;
  }

  /** {@code java -jar aegis.jar <args>} with the java running the tests. */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Startup only: C1 and serial GC shave about a third off every JVM start; behaviour is unchanged.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(path().toString());
    command.addAll(List.of(args));
    return command;
  }
}
