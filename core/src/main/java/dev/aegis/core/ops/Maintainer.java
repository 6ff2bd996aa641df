package dev.aegis.core.ops;

import dev.aegis.core.host.HostConnection;
import dev.aegis.core.tracker.TrackerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The maintainer commands' core, one method per command: {@code status}, {@code runs}, {@code pause},
 * {@code resume} and {@code disconnect}. ({@code recover} is the host command
 * {@link dev.aegis.core.host.HostCommand#RECOVER}.) Each returns a report to print and a typed outcome for the
 * exit code; none throws for a failure the maintainer can fix (no token, refused token, GitHub down, a config
 * file that cannot be edited safely).
 */
public final class Maintainer {
  /** What {@code aegis resume} sets when no concurrency is given. */
  public static final int DEFAULT_CONCURRENCY = 1;

  private final OpsContext ctx;

  public Maintainer(OpsContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** Configuration, token reach and identity, labels, ready issues and runs, pause state. */
  public OpsReport status() {
    return new StatusCheck(ctx).run();
  }

  /**
   * The runs the tracker shows: in progress and awaiting approval, and with {@code all} also blocked,
   * needs-info and pr-opened. One listing request per phase, then one comments read per issue listed.
   */
  public OpsReport runs(boolean all) {
    try (HostConnection connection = ctx.connector().connect(ctx.config(), ctx.environment())) {
      List<RunRow> rows = new RunList(connection.tracker(), ctx.clock(), ctx.config().staleAfter()).list(all);
      List<String> lines = new ArrayList<>(RunTable.render(rows, ctx.clock().instant(), all,
          ctx.config().staleAfter()));
      return new OpsReport(OpsOutcome.OK, lines, "");
    } catch (RuntimeException e) {
      if (!Remote.expected(e)) {
        throw e;
      }
      return new OpsReport(Remote.outcomeOf(e), List.of(), e instanceof TrackerException
          ? "Could not list runs: " + Remote.advice(e, ctx) : e.getMessage());
    }
  }

  /** Sets max concurrent runs to 0 in the repository variable and in {@code .aegis/config.yml}. */
  public OpsReport pause() {
    return new PauseSwitch(ctx).set(0);
  }

  /**
   * Sets max concurrent runs to {@code concurrency} in the repository variable and in {@code .aegis/config.yml}.
   *
   * @throws IllegalArgumentException when {@code concurrency} is below 1 (0 is {@link #pause()})
   */
  public OpsReport resume(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be 1 or more (0 is `aegis pause`), got " + concurrency);
    }
    return new PauseSwitch(ctx).set(concurrency);
  }

  /** The shutdown checklist for this repository; reads only. */
  public OpsReport disconnect() {
    return new ShutdownChecklist(ctx).build();
  }
}
