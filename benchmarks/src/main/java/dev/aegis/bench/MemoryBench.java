package dev.aegis.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.json.Mappers;
import dev.aegis.testkit.model.ScriptedModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peak resident memory (VmHWM) of the Aegis jar started as a process for a whole run, per set of JVM flags:
 * {@code aegis demo} (the bundled project, planned then fixed, through the tracker stand-in), and
 * {@code aegis run} in plan mode on a big tree against a {@link ScriptedModelServer} on loopback (the real
 * OpenAI wire, streamed) that asks for a listing, the four searches of the {@code search} benchmark and a read of
 * a large file. The figure is read from {@code /proc/PID/status} every few milliseconds while the child runs, so
 * growth in its last milliseconds could be missed ({@code /usr/bin/time -v} on the demo agreed within 2 MiB).
 */
final class MemoryBench {
  /**
   * The JVM flag sets compared: plain; what {@code scripts/action-run.sh} passes, without and with the AppCDS
   * archive it keeps (written by one earlier run of the same command); and those with a small initial heap. The
   * JVM's default initial heap is 1/64 of the machine's memory, and a serial collector touches all of its young
   * generation before its first collection, so that default, not Aegis's live data, sets most of the peak.
   */
  private enum Variant {
    PLAIN("java -jar", List.of()),
    ACTION("action flags", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
    ACTION_CDS("action flags + CDS", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds*=off")),
    SMALL_HEAP("+ CDS + -Xms32m", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds*=off", "-Xms32m"));

    final String label;
    final List<String> flags;

    Variant(String label, List<String> flags) {
      this.label = label;
      this.flags = flags;
    }

    boolean cds() {
      return this == ACTION_CDS || this == SMALL_HEAP;
    }
  }

  /** What both commands print when the run went to its end (the demo opens its pull request). */
  private static final String FINISHED = "FINISHED";

  private MemoryBench() {}

  static void run(Path jar, Path tree, int runs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    System.out.printf("machine: %d cores, %s, java %s, %.1f GiB RAM; jar %s; max of %d runs%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.version"), totalRamGib(), jar, runs);
    for (Variant variant : Variant.values()) {
      System.out.printf("  %-20s %s%n", variant.label, String.join(" ", variant.flags));
    }
    System.out.printf("%-34s", "run");
    for (Variant variant : Variant.values()) {
      System.out.printf(" %19s", variant.label);
    }
    System.out.println();
    Path work = Files.createTempDirectory("aegis-memory");
    row("demo", variant -> peak(java, variant, jar, List.of("demo"), null, work, runs));
    String script = script(tree);
    row("run, plan on " + Bench.countFilesText(tree) + " files", variant -> peak(java, variant, jar,
        List.of("run", "--workspace", tree.toString(), "--mode", "plan", "--records", "records", "--model",
            "openai/gpt-bench", "--max-steps", "20", "--prompt", "Where is NullPointerException thrown?"),
        script, work, runs));
  }

  private interface Measure {
    String of(Variant variant) throws Exception;
  }

  private static void row(String label, Measure measure) throws Exception {
    StringBuilder line = new StringBuilder(String.format("%-34s", label));
    for (Variant variant : Variant.values()) {
      line.append(String.format(" %19s", measure.of(variant)));
    }
    System.out.println(line);
  }

  /**
   * The highest VmHWM over {@code runs} runs, in MiB, or why there is none. With CDS, one run before them writes
   * the archive (as the first job of a new version does) and is not counted. With a {@code script}, each run
   * talks to a new scripted model server replaying it.
   */
  private static String peak(String java, Variant variant, Path jar, List<String> args, String script, Path work,
      int runs) throws IOException, InterruptedException {
    long most = 0;
    Path archive = work.resolve(variant.name() + "-" + args.get(0) + ".jsa");
    for (int i = variant.cds() ? -1 : 0; i < runs; i++) {
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(variant.flags);
      if (variant.cds()) {
        command.add((i == -1 ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
      }
      command.addAll(List.of("-jar", jar.toString()));
      command.addAll(args);
      Path dir = Files.createTempDirectory(work, "run");
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("out.txt").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("AEGIS_") || k.endsWith("_API_KEY")
          || k.endsWith("_BASE_URL") || k.equals("JAVA_TOOL_OPTIONS"));
      env.put("HOME", dir.toString());
      long kib = 0;
      try (ScriptedModelServer server = script == null ? null : ScriptedModelServer.start(script)) {
        if (server != null) {
          env.putAll(Map.of("OPENAI_API_KEY", "sk-bench-memory", "OPENAI_BASE_URL", server.openAiBaseUrl()));
        }
        Process process = builder.start();
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
          kib = Math.max(kib, highWaterKib(status));
        }
        if (process.exitValue() != 0) {
          return "exit " + process.exitValue() + " (" + last(dir.resolve("out.txt")) + ")";
        }
      }
      if (Files.readAllLines(dir.resolve("out.txt")).stream().noneMatch(l -> l.contains(FINISHED))) {
        return "not finished (" + last(dir.resolve("out.txt")) + ")";
      }
      if (i >= 0) {
        most = Math.max(most, kib);
      }
    }
    return String.format("%.0f MiB", most / 1024.0);
  }

  private static String last(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }

  private static long highWaterKib(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has just exited
    }
    return 0;
  }

  /** List, the search benchmark's four searches, read the largest file's head, finish. */
  private static String script(Path tree) throws IOException {
    ObjectNode root = Mappers.JSON.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    steps.addObject().putArray("toolCalls").addObject().put("name", "list_files").putObject("arguments");
    for (String pattern : Bench.DEFAULT_PATTERNS) {
      steps.addObject().putArray("toolCalls").addObject().put("name", "search").putObject("arguments")
          .put("pattern", pattern).put("max_results", 200);
    }
    steps.addObject().putArray("toolCalls").addObject().put("name", "read_file").putObject("arguments")
        .put("path", largestFile(tree));
    ObjectNode finish = steps.addObject().putArray("toolCalls").addObject().put("name", "finish").putObject("arguments");
    finish.put("summary", "s").put("root_cause", "r").put("fix_plan", "f").put("test_plan", "t").put("risk", "low");
    finish.putArray("evidence").addObject().put("file", "x").put("line", 1).put("note", "n");
    return root.toString();
  }

  private static String largestFile(Path tree) throws IOException {
    try (var files = Files.walk(tree)) {
      return files.filter(p -> !tree.relativize(p).startsWith(".git")).filter(Files::isRegularFile)
          .max(java.util.Comparator.comparingLong(p -> p.toFile().length()))
          .map(p -> tree.relativize(p).toString()).orElseThrow();
    }
  }

  private static double totalRamGib() {
    try {
      String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
      return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
