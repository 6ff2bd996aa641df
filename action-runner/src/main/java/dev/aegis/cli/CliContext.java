package dev.aegis.cli;

import dev.aegis.core.host.CoreEntry;
import dev.aegis.core.host.HostEntry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every command gets from the process: its environment, where to print, the current directory, and
 * how to reach the core. Passed in (never read from globals) so commands run the same in tests.
 *
 * @param env the process environment
 * @param out standard output
 * @param err standard error
 * @param cwd the current directory
 * @param entry makes the core entry for real (non-demo) runs
 */
record CliContext(Map<String, String> env, PrintStream out, PrintStream err, Path cwd, Supplier<HostEntry> entry) {
  CliContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(entry, "entry");
  }

  static CliContext system() {
    return new CliContext(System.getenv(), System.out, System.err, Path.of("").toAbsolutePath(), CoreEntry::new);
  }
}
