package dev.aegis.core.flow;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.EngineResult;
import dev.aegis.core.agent.EngineTask;
import dev.aegis.core.agent.Evidence;
import dev.aegis.core.agent.FixReport;
import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.agent.Report;
import dev.aegis.core.agent.Risk;
import dev.aegis.core.agent.Stop;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.model.Usage;
import dev.aegis.core.policy.CommandSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Engines for flow tests where the agent loop itself is not the point: each {@link #then} queues what the
 * next agent run does (plan, edit files, fail), and every task handed over is kept for assertions. An
 * agent run nobody queued fails the test. Public for the host tests that drive whole jobs with it.
 */
public final class FakeEngines implements EngineProvider {
  static final double RUN_COST = 0.0123;

  private final Deque<Object> queue = new ArrayDeque<>();
  private final List<EngineTask> tasks = new CopyOnWriteArrayList<>();

  /** The next agent run does {@code engine}. */
  public synchronized FakeEngines then(Engine engine) {
    queue.add(engine);
    return this;
  }

  /** Setting up the next agent run fails, as a missing key or unknown provider does. */
  synchronized FakeEngines thenSetupFails(ModelException e) {
    queue.add(e);
    return this;
  }

  /** The tasks handed to the engines, in order. */
  List<EngineTask> tasks() {
    return List.copyOf(tasks);
  }

  public synchronized int pending() {
    return queue.size();
  }

  @Override
  public synchronized Engine engine(AegisConfig config, Map<String, String> environment, Progress progress) {
    Object next = queue.poll();
    if (next == null) {
      throw new AssertionError("an agent run started that the test did not expect (" + tasks.size() + " ran)");
    }
    if (next instanceof ModelException e) {
      throw e;
    }
    Engine engine = (Engine) next;
    return task -> {
      tasks.add(task);
      return engine.run(task);
    };
  }

  @Override
  public CommandSandbox sandbox() {
    return dev.aegis.core.support.Sandboxes.DETECTED;
  }

  /** The plan the calc sample's bug deserves. */
  public static PlanReport calcPlan(Risk risk) {
    return new PlanReport("add() subtracts its arguments, so add 2 3 prints -1.",
        "src/calc.sh computes $1 - $2 where it should add.",
        List.of(new Evidence("src/calc.sh", 4, "the subtraction")),
        "Use + instead of - in add().", "test.sh checks that add 2 3 prints 5; run sh test.sh.", risk);
  }

  /** An agent run that finishes with {@code plan}. */
  public static Engine planning(PlanReport plan) {
    return task -> result(task, Stop.finished(), plan);
  }

  /** An agent run that writes {@code files} (path to content) and finishes with {@code summary}. */
  static Engine fixing(Map<String, String> files, String summary) {
    return task -> {
      files.forEach((path, content) -> write(task, path, content));
      return result(task, Stop.finished(), new FixReport(summary, List.copyOf(files.keySet()), "sh test.sh", null, "",
          List.copyOf(files.keySet())));
    };
  }

  /** The fix the calc sample needs. */
  public static Engine fixingCalc() {
    return fixing(Map.of("src/calc.sh", "#!/bin/sh\n# add A B: prints the sum of A and B\nadd() {\n  echo $(( $1 + $2 ))\n}\n"),
        "add() now adds its arguments.");
  }

  /** An agent run that stops without a report. */
  static Engine stopping(Stop stop) {
    return task -> result(task, stop, null);
  }

  static EngineResult result(EngineTask task, Stop stop, Report report) {
    return new EngineResult(stop, report, 3, new Usage(1200, 300, 0), RUN_COST, true,
        task.recordsDirectory().resolve("transcript.jsonl"), task.recordsDirectory().resolve("audit.jsonl"),
        "a1b2c3d4e5f6a7b8c9d0", "none");
  }

  static void write(EngineTask task, String path, String content) {
    try {
      Files.createDirectories(task.workspace().resolve(path).getParent());
      Files.writeString(task.workspace().resolve(path), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
