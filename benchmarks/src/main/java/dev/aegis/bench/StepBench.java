package dev.aegis.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.agent.Budget;
import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.model.ModelClient;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelReply;
import dev.aegis.core.model.ModelRequest;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Programs;
import dev.aegis.core.policy.Secrets;
import dev.aegis.testkit.model.SampleProject;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The harness time of one tool step, model excluded: the built-in loop runs {@code N} {@code read_file} steps on
 * the testkit's sample project against a {@link ScriptedModelServer} on loopback, so every step pays the real
 * wire (request built and sent over HTTP, the streamed reply parsed) and the real tool, records and transcript,
 * but no model thinking. A step is the wall time from one {@code step k: read_file} progress line to the next;
 * of it, the part spent inside {@code ModelClient.send} (the loopback round trip, the scripted server's own
 * checks included) is shown apart, and so is the CPU time the process spent per step (loop and server
 * together), which a busy machine inflates far less than wall time.
 *
 * <p>{@code --nagle} leaves Nagle's algorithm on in the scripted server, as the JDK's HttpServer does by default,
 * to show what it cost the figures measured before.
 *
 * <p>Each wire runs twice in the same JVM; only the first wire's run 1 starts cold (the first loop this process
 * runs, as in a CI job), every later run finds the loop's code compiled. The scripted server checks that every request carried the file's content, so a figure is
 * never that of a step that did nothing.
 */
final class StepBench {
  private static final String FILE = "src/calc.sh";
  private static final String CONTENT_MARK = "4|   echo $(( $1 - $2 ))";

  private StepBench() {}

  static void run(int steps, List<String> wires, boolean nagle) throws Exception {
    // The JDK's HttpServer, which the scripted server is built on, leaves Nagle on: every reply written in more
    // than one piece (headers, then body or events) then waits for the client's delayed ACK, about 40 ms a
    // request on Linux. A provider's server does not; the stand-in must not add that either. The property is
    // read once, when the first HttpServer is made, which is below.
    System.setProperty("sun.net.httpserver.nodelay", String.valueOf(!nagle));
    System.out.printf("machine: %d cores, %s, java %s; %d read_file steps per run on the sample project%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.version"), steps, nagle ? "on (JDK default)" : "off");
    System.out.printf("%-36s %6s %9s %9s %9s %14s %13s%n", "wire, run", "steps", "median", "p90", "max",
        "model.send med", "cpu per step");
    for (String wire : wires) {
      for (String run : List.of("run 1", "run 2")) {
        Figures f = once(wire, steps);
        System.out.printf("%-36s %6d %7.1fms %7.1fms %7.1fms %12.1fms %11.1fms%n", wire + ", " + run, f.steps.size(),
            percentile(f.steps, 50), percentile(f.steps, 90), percentile(f.steps, 100), percentile(f.sends, 50),
            f.cpuNanos / 1e6 / f.steps.size());
      }
    }
    System.out.printf("peak memory of this JVM: %s%n", Bench.peakMemory());
  }

  /** Step and send wall times; the CPU time of the whole process (the scripted server's threads too) for the run. */
  private record Figures(List<Long> steps, List<Long> sends, long cpuNanos) {}

  private static Figures once(String wire, int steps) throws Exception {
    Path work = Files.createTempDirectory("aegis-steps");
    Path project = SampleProject.create(work.resolve("project"));
    try (ScriptedModelServer server = ScriptedModelServer.start(script(steps))) {
      Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-bench-steps", "OPENAI_BASE_URL", server.openAiBaseUrl(),
          "ANTHROPIC_API_KEY", "sk-ant-bench-steps", "ANTHROPIC_BASE_URL", server.baseUrl());
      List<Long> sends = Collections.synchronizedList(new ArrayList<>());
      ModelClient model = timed(ModelClients.create(wire, ModelSettings.of(env)), sends);
      List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
      Programs programs = Programs.find();
      LoopSettings settings = LoopSettings.of(SampleProject.environment(Map.of()), CommandSandbox.unisolated(programs),
          line -> {
            if (line.startsWith("step ")) {
              stamps.add(System.nanoTime());
            }
          });
      long cpu = processCpuNanos();
      EngineResult result = Engines.loop(model, settings).run(new EngineTask(project, Mode.PLAN, "benchmark",
          Policy.defaults().withReadOnly(true), new Budget(steps + 5, 100_000_000, 1_000, Duration.ofHours(1)),
          work.resolve("records"), null, Secrets.none()));
      cpu = processCpuNanos() - cpu;
      if (!server.failures().isEmpty() || result.report() == null) {
        throw new IllegalStateException("the run did not go as scripted: " + result.stop() + " " + server.failures());
      }
      List<Long> intervals = new ArrayList<>();
      for (int i = 1; i < stamps.size(); i++) {
        intervals.add(stamps.get(i) - stamps.get(i - 1));
      }
      // the first send is the request before step 1, outside every interval
      return new Figures(intervals, new ArrayList<>(sends.subList(1, sends.size())), cpu);
    }
  }

  /** {@code steps} reads of the same file, each checking the previous one reached the model, then finish. */
  private static String script(int steps) {
    ObjectNode root = Mappers.JSON.createObjectNode();
    ArrayNode list = root.putArray("steps");
    for (int i = 0; i < steps; i++) {
      ObjectNode step = list.addObject();
      if (i > 0) {
        step.put("expectToolResultContains", CONTENT_MARK);
      }
      step.put("text", "Reading " + FILE + " again.");
      step.putArray("toolCalls").addObject().put("name", "read_file").putObject("arguments").put("path", FILE);
      step.putObject("usage").put("input", 2_000 + 150 * i).put("output", 30);
    }
    ObjectNode finish = list.addObject();
    finish.put("expectToolResultContains", CONTENT_MARK);
    ObjectNode args = finish.putArray("toolCalls").addObject().put("name", "finish").putObject("arguments");
    args.put("summary", "add subtracts.").put("root_cause", "add() computes $1 - $2.").put("fix_plan", "use +")
        .put("test_plan", "sh test.sh").put("risk", "low");
    args.putArray("evidence").addObject().put("file", FILE).put("line", 4).put("note", "the subtraction");
    return root.toString();
  }

  private static ModelClient timed(ModelClient client, List<Long> sends) {
    return new ModelClient() {
      @Override
      public ModelReply send(ModelRequest request) {
        long begin = System.nanoTime();
        try {
          return client.send(request);
        } finally {
          sends.add(System.nanoTime() - begin);
        }
      }

      @Override
      public String model() {
        return client.model();
      }
    };
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The nearest-rank percentile in milliseconds. */
  private static double percentile(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = Math.max(1, (int) Math.ceil(p / 100.0 * sorted.size()));
    return sorted.get(rank - 1) / 1e6;
  }
}
