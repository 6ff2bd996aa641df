package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import hudson.model.TaskListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCoreOnWorkspaceTest {

  @Test
  void theCallableSurvivesSerializationAsRemotingSendsIt() throws Exception {
    CoreCall call =
        new CoreCall(HostCommand.PLAN, "42", null, false, null, Map.of("github.repository", "octo/shop"),
            Map.of("GITHUB_TOKEN", "ghp_x"), List.of("ghp_x"));
    RunCoreOnWorkspace callable = new RunCoreOnWorkspace(call, new StdoutListener());

    Object copy = roundTrip(callable);

    assertThat(copy).isInstanceOf(RunCoreOnWorkspace.class);
    Field field = RunCoreOnWorkspace.class.getDeclaredField("call");
    field.setAccessible(true);
    assertThat(field.get(copy)).isEqualTo(call);
  }

  @Test
  void remotingPayloadsUseOnlyCollectionsJenkinsClassFilterAccepts() throws Exception {
    CoreCall call = new CoreCall(HostCommand.PLAN, "42", null, false, null, Map.of("k", "v"), Map.of("A", "b"), List.of("s"));
    CoreOutcome outcome = new CoreOutcome("OK", "", Map.of("run-id", "r"));

    assertThat(serialFormClasses(call)).doesNotContain("java.util.ImmutableCollections$CollSer");
    assertThat(serialFormClasses(outcome)).doesNotContain("java.util.ImmutableCollections$CollSer");
  }

  @Test
  void theOutcomeSurvivesSerializationOnTheWayBack() throws Exception {
    CoreOutcome outcome = new CoreOutcome("OK", "done", Map.of("pr-url", "https://github.com/o/r/pull/1"));

    assertThat(roundTrip(outcome)).isEqualTo(outcome);
  }

  @Test
  void stepParametersSurviveSerializationWithTheExecution() throws Exception {
    StepParameters parameters = StepParameters.of(new AegisStep("pickup"));

    assertThat(roundTrip(parameters)).isEqualTo(parameters);
  }

  /** Class names written into the serial stream (what remoting's class filter checks on the other side). */
  private static java.util.Set<String> serialFormClasses(Object value) throws IOException {
    java.util.Set<String> names = new java.util.TreeSet<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out =
        new ObjectOutputStream(bytes) {
          @Override
          protected void annotateClass(Class<?> type) {
            names.add(type.getName());
          }
        }) {
      out.writeObject(value);
    }
    return names;
  }

  private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  /** A remotable listener stand-in. */
  private static final class StdoutListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    @Override
    public PrintStream getLogger() {
      return System.out;
    }
  }
}
