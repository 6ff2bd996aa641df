package dev.aegis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.agent.Budget;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Mode;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.policy.Policy;
import dev.aegis.core.policy.Programs;
import dev.aegis.core.policy.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Aegis's benchmarks: a harness that prints figures, to be rerun by anyone; nothing here is a test and no test
 * asserts a duration.
 *
 * <pre>
 *   java -jar benchmarks/target/aegis-benchmarks.jar search [--tree DIR] [--runs N] [--pattern REGEX]...
 *   java -jar benchmarks/target/aegis-benchmarks.jar steps [--steps N] [--wire chat|responses|anthropic] [--nagle]
 *   java -jar benchmarks/target/aegis-benchmarks.jar memory [--jar JAR] [--tree DIR] [--runs N]
 *   java -jar benchmarks/target/aegis-benchmarks.jar startup --jar action-runner/target/aegis.jar [--runs N]
 * </pre>
 *
 * {@code search} runs Aegis's {@code search} tool through the real agent loop (an in-process scripted model
 * asks for each search), so each figure is the harness time of a whole step, model excluded; beside it the
 * same pattern with ripgrep and {@code git grep} when they are installed, and whether Aegis found the same
 * lines as ripgrep. {@code steps} times one {@code read_file} step of the loop over loopback against a
 * scripted model server ({@link StepBench}); {@code memory} the peak resident memory of the jar for a whole run
 * ({@link MemoryBench}). Without {@code --tree} it builds one: the running JDK's {@code src.zip} unpacked and
 * committed to a git repository (about 15,000 files for JDK 25). {@code startup} times the jar's
 * {@code --version}, {@code pickup --dry-run --demo} and {@code action} up to its first request, with plain
 * {@code java -jar}, with the flags {@code action.yml} passes, and with those and an AppCDS archive.
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> DEFAULT_PATTERNS =
      List.of("NullPointerException", "static final int [A-Z_]+ = 0x", "(?i)deprecated", "TODO");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String what = rest.isEmpty() ? "" : rest.remove(0);
    switch (what) {
      case "search" -> search(option(rest, "--tree"), Integer.parseInt(option(rest, "--runs", "5")), patterns(rest));
      case "steps" -> StepBench.run(Integer.parseInt(option(rest, "--steps", "50")),
          wires(option(rest, "--wire", "all")), rest.contains("--nagle"));
      case "memory" -> MemoryBench.run(Path.of(option(rest, "--jar", "action-runner/target/aegis.jar")).toAbsolutePath(),
          option(rest, "--tree") == null ? jdkTree() : Path.of(option(rest, "--tree")).toAbsolutePath(),
          Integer.parseInt(option(rest, "--runs", "3")));
      case "startup" -> startup(Path.of(option(rest, "--jar", "action-runner/target/aegis.jar")).toAbsolutePath(),
          Integer.parseInt(option(rest, "--runs", "5")));
      default -> {
        System.err.println("usage: search [--tree DIR] [--runs N] [--pattern REGEX]... | steps [--steps N] [--wire chat|responses|anthropic] [--nagle]"
            + " | memory [--jar JAR] [--tree DIR] [--runs N] | startup --jar JAR [--runs N]");
        System.exit(2);
      }
    }
  }

  private static void search(String tree, int runs, List<String> patterns) throws Exception {
    Path root = tree == null ? jdkTree() : Path.of(tree).toAbsolutePath();
    Programs programs = Programs.find();
    System.out.printf("machine: %d cores, %s, java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
    System.out.printf("tree: %s (%d files)%n", root, countFiles(root));
    Path work = Files.createTempDirectory("aegis-bench");
    Path script = work.resolve("script.json");
    Files.writeString(script, script(patterns, runs));
    List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
    LoopSettings settings = LoopSettings.of(Map.of("PATH", programs.searchPath()), CommandSandbox.unisolated(programs),
        line -> {
          if (line.startsWith("step ")) {
            stamps.add(System.nanoTime());
          }
        });
    Path records = work.resolve("records");
    long before = System.nanoTime();
    Engines.loop(ModelClients.create("scripted/" + script, ModelSettings.of(Map.of())), settings).run(
        new EngineTask(root, Mode.PLAN, "benchmark", Policy.defaults().withReadOnly(true),
            new Budget(patterns.size() * runs + 5, 100_000_000, 1_000, Duration.ofHours(1)), records, null,
            Secrets.none()));
    long total = System.nanoTime() - before;
    List<String> results = toolResults(records.resolve("transcript.jsonl"));
    System.out.printf("%-36s %12s %12s %12s %10s %s%n", "pattern", "aegis warm", "aegis first", "ripgrep", "git grep",
        "same lines as ripgrep");
    for (int p = 0; p < patterns.size(); p++) {
      List<Long> times = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        int step = p * runs + r;
        times.add(stamps.get(step + 1) - stamps.get(step));
      }
      long first = times.get(0);
      List<Long> warm = new ArrayList<>(times.subList(Math.min(1, times.size() - 1), times.size()));
      Collections.sort(warm);
      String pattern = patterns.get(p);
      Timed rg = time(root, List.of("rg", "--hidden", "--glob", "!.git", "-n", "--sort", "path", "-e", pattern, "."));
      Timed gg = time(root, List.of(programs.requireGit().toString(), "grep", "-n", "-I", "--untracked", "-P", "-e",
          pattern));
      System.out.printf("%-36s %10.0fms %10.0fms %12s %10s %s%n", cap(pattern), warm.get(warm.size() / 2) / 1e6,
          first / 1e6, rg.text(), gg.text(), same(results.get(p * runs), rg));
    }
    System.out.printf("whole loop: %.1f s for %d steps; peak memory of this JVM: %s%n", total / 1e9, stamps.size(),
        peakMemory());
  }

  /** One search step per pattern and run, then finish. */
  private static String script(List<String> patterns, int runs) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    for (String pattern : patterns) {
      for (int r = 0; r < runs; r++) {
        ObjectNode args = steps.addObject().putArray("toolCalls").addObject().put("name", "search").putObject("arguments");
        args.put("pattern", pattern).put("max_results", 200);
      }
    }
    ObjectNode finish = steps.addObject().putArray("toolCalls").addObject().put("name", "finish").putObject("arguments");
    finish.put("summary", "s").put("root_cause", "r").put("fix_plan", "f").put("test_plan", "t").put("risk", "low");
    finish.putArray("evidence").addObject().put("file", "x").put("line", 1).put("note", "n");
    return root.toString();
  }

  private static List<String> toolResults(Path transcript) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(transcript)) {
      JsonNode event = JSON.readTree(line);
      if ("tool_result".equals(event.path("type").asText())) {
        out.add(event.path("content").asText());
      }
    }
    return out;
  }

  /** Whether the {@code path:line} rows Aegis showed are ripgrep's, and the totals agree. */
  private static String same(String aegis, Timed rg) {
    if (rg.output == null) {
      return "(ripgrep not installed)";
    }
    Set<String> rgRows = new LinkedHashSet<>();
    rg.output.lines().forEach(l -> rgRows.add(rowKey(l)));
    List<String> shown = aegis.lines().filter(l -> !l.startsWith("[") && !l.startsWith("(")).map(Bench::rowKey).toList();
    long more = aegis.lines().filter(l -> l.matches("\\[\\d+ more matches not shown.*"))
        .mapToLong(l -> Long.parseLong(l.substring(1, l.indexOf(' ')))).sum();
    boolean subset = rgRows.containsAll(shown);
    boolean total = shown.size() + more == rgRows.size();
    return subset && total ? "yes (" + rgRows.size() + " lines)" : "NO: " + shown.size() + "+" + more + " vs " + rgRows.size();
  }

  private static String rowKey(String row) {
    String[] parts = (row.startsWith("./") ? row.substring(2) : row).split(":", 3);
    return parts.length < 2 ? row : parts[0] + ":" + parts[1];
  }

  private record Timed(long nanos, String output) {
    String text() {
      return output == null ? "n/a" : String.format("%.0fms", nanos / 1e6);
    }
  }

  /** The median of three runs of an external command (after one warm-up), or no output when it is missing. */
  private static Timed time(Path dir, List<String> command) {
    try {
      String output = run(dir, command);
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        run(dir, command);
        times.add(System.nanoTime() - start);
      }
      Collections.sort(times);
      return new Timed(times.get(1), output);
    } catch (IOException e) {
      return new Timed(0, null);
    }
  }

  private static String run(Path dir, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      p.waitFor(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  /** The JVM options compared: what {@code java -jar} does, and what {@code scripts/action-run.sh} adds. */
  private enum Variant {
    PLAIN(List.of()),
    C1_SERIAL(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
    C1_SERIAL_APPCDS(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds*=off"));

    final List<String> flags;

    Variant(List<String> flags) {
      this.flags = flags;
    }
  }

  /**
   * Start-up figures per JVM variant: {@code --version}, {@code pickup --dry-run --demo}, and {@code action}
   * on a labelled-issue event up to its first request to a local GitHub stand-in (the overhead a job pays
   * before any network work). The AppCDS archive is written by one run of the same command first, as the
   * first job of a workflow writes it.
   */
  private static void startup(Path jar, int runs) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    System.out.printf("machine: %d cores, %s, java %s; jar %.1f MB; median of %d runs after a warm-up%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.version"), Files.size(jar) / 1e6, runs);
    Path work = Files.createTempDirectory("aegis-startup");
    System.out.printf("%-34s %12s %12s %16s%n", "command", "java -jar", "C1 + serial", "+ AppCDS archive");
    for (List<String> args : List.of(List.of("--version"), List.of("pickup", "--dry-run", "--demo"))) {
      StringBuilder row = new StringBuilder(String.format("%-34s", String.join(" ", args)));
      for (Variant variant : Variant.values()) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(variant.flags);
        if (variant == Variant.C1_SERIAL_APPCDS) {
          Path archive = work.resolve(String.join("-", args).replace("-", "") + ".jsa");
          List<String> dump = new ArrayList<>(command);
          dump.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()));
          dump.addAll(args);
          run(work, dump);
          command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
          long begin = System.nanoTime();
          run(work, command);
          times.add(System.nanoTime() - begin);
        }
        row.append(String.format(" %10.2f s", median(times.subList(1, times.size())) / 1e9));
      }
      System.out.println(row);
    }
    StringBuilder row = new StringBuilder(String.format("%-34s", "action, to its first request"));
    for (Variant variant : Variant.values()) {
      row.append(String.format(" %12s", actionToFirstRequest(java, jar, variant, runs, work)));
    }
    System.out.println(row);
  }

  /** The median time from starting {@code aegis action} to the first request it sends. */
  private static String actionToFirstRequest(String java, Path jar, Variant variant, int runs, Path work)
      throws IOException, InterruptedException {
    List<Long> times = new ArrayList<>();
    Path archive = work.resolve("action.jsa");
    for (int i = -1; i < runs + 1; i++) {
      if (i == -1 && variant != Variant.C1_SERIAL_APPCDS) {
        continue;
      }
      FirstRequest server = FirstRequest.start();
      try {
        Path job = Files.createTempDirectory(work, "job");
        Path event = job.resolve("event.json");
        Files.writeString(event, "{\"action\":\"labeled\",\"label\":{\"name\":\"ready to implement\"},"
            + "\"issue\":{\"number\":1,\"title\":\"Crash on empty input\",\"body\":\"Steps: run with an empty "
            + "file. Expected: a message. Actual: a stack trace.\",\"state\":\"open\",\"user\":{\"login\":\"alice\"},"
            + "\"labels\":[{\"name\":\"bug\"},{\"name\":\"ready to implement\"}]},"
            + "\"repository\":{\"full_name\":\"bench/bench\",\"name\":\"bench\",\"owner\":{\"login\":\"bench\"}},"
            + "\"sender\":{\"login\":\"alice\"}}");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(variant.flags);
        if (variant == Variant.C1_SERIAL_APPCDS) {
          command.add((i == -1 ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
        }
        command.addAll(List.of("-jar", jar.toString(), "action"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(job.toFile()).redirectErrorStream(true)
            .redirectOutput(job.resolve("out.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("AEGIS_") || k.endsWith("_API_KEY"));
        env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "issues", "GITHUB_EVENT_PATH",
            event.toString(), "GITHUB_REPOSITORY", "bench/bench", "GITHUB_TOKEN", "ghp_benchmarkbenchmark",
            "GITHUB_API_URL", server.url(), "GITHUB_WORKSPACE", job.toString(), "RUNNER_TEMP", job.toString(),
            "OPENAI_API_KEY", "sk-benchmark", "OPENAI_BASE_URL", server.url() + "/v1"));
        env.put("HOME", job.toString());
        long begin = System.nanoTime();
        Process process = builder.start();
        Long first = server.first(Duration.ofSeconds(30));
        process.waitFor(60, TimeUnit.SECONDS);
        process.destroyForcibly();
        if (first == null) {
          List<String> out = Files.readAllLines(job.resolve("out.txt"));
          return "no request (" + (out.isEmpty() ? "no output" : out.get(out.size() - 1)) + ")";
        }
        if (i > 0) {
          times.add(first - begin);
        }
      } finally {
        server.close();
      }
    }
    return String.format("%.2f s", median(times) / 1e9);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A local stand-in for GitHub that notes when the first request arrives and refuses every request. */
  private static final class FirstRequest implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;
    private final java.util.concurrent.CompletableFuture<Long> first = new java.util.concurrent.CompletableFuture<>();

    private FirstRequest(com.sun.net.httpserver.HttpServer server) {
      this.server = server;
    }

    static FirstRequest start() throws IOException {
      com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      FirstRequest result = new FirstRequest(server);
      server.createContext("/", exchange -> {
        result.first.complete(System.nanoTime());
        byte[] body = "{\"message\":\"Bad credentials\",\"status\":\"401\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return result;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Long first(Duration wait) {
      try {
        return first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        return null;
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** The running JDK's sources, unpacked once under target/bench-tree and committed to git. */
  static Path jdkTree() throws IOException, InterruptedException {
    Path root = Path.of("benchmarks", "target", "bench-tree").toAbsolutePath();
    if (Files.isDirectory(root.resolve(".git"))) {
      return root;
    }
    Path zip = sourceZip();
    Files.createDirectories(root);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root) || e.isDirectory()) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    for (List<String> git : List.of(List.of("init", "-q"), List.of("add", "-A"),
        List.of("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "jdk sources"))) {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(git);
      new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
    }
    return root;
  }

  /** The running JDK's src.zip, else the newest JDK's under /usr/lib/jvm (Temurin 25's is what the README quotes). */
  private static Path sourceZip() throws IOException {
    Path own = Path.of(System.getProperty("java.home"), "lib", "src.zip");
    if (Files.isRegularFile(own)) {
      return own;
    }
    try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      return jdks.map(j -> j.resolve("lib/src.zip")).filter(Files::isRegularFile).max(java.util.Comparator.naturalOrder())
          .orElseThrow(() -> new IOException("no JDK src.zip found; pass --tree DIR"));
    }
  }

  static String countFilesText(Path root) throws IOException {
    return String.format("%,d", countFiles(root));
  }

  private static long countFiles(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(".git")).count();
    }
  }

  static String peakMemory() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(6).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String option(List<String> args, String name) {
    return option(args, name, null);
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }

  private static List<String> patterns(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals("--pattern")) {
        out.add(args.get(i + 1));
      }
    }
    return out.isEmpty() ? DEFAULT_PATTERNS : out;
  }

  /** The {@code provider/model} of each wire {@code steps} is asked for. */
  private static List<String> wires(String wire) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("chat", "openai/gpt-bench");
    all.put("responses", "openai-responses/gpt-bench");
    all.put("anthropic", "anthropic/claude-bench");
    if (wire.equals("all")) {
      return List.copyOf(all.values());
    }
    if (!all.containsKey(wire)) {
      throw new IllegalArgumentException("--wire is one of " + all.keySet() + " or all, not " + wire);
    }
    return List.of(all.get(wire));
  }

  private static String cap(String s) {
    return s.length() > 34 ? s.substring(0, 33) + "…" : s;
  }
}
