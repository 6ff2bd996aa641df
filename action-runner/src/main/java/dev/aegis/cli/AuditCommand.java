package dev.aegis.cli;

import dev.aegis.core.audit.AuditVerification;
import dev.aegis.core.audit.AuditVerifier;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aegis audit verify <file>}: checks a run's hash-chained audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with run audit logs.")
public final class AuditCommand {
  @Spec CommandSpec spec;

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an audit log: prints OK or the first broken entry; exits non-zero on tampering.")
  int verify(
      @Parameters(paramLabel = "FILE", description = "The audit.jsonl file.") Path file,
      @Option(names = "--expect-hash", paramLabel = "HASH",
          description = "The final hash published for the run; catches entries cut off the end.") String expected) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AuditVerification result;
    try {
      result = AuditVerifier.verify(file, expected);
    } catch (UncheckedIOException e) {
      err.println("cannot read " + file + ": check the path");
      return ExitCodes.USAGE;
    }
    if (result.intact()) {
      out.println("OK: " + result.entries() + " entries, final hash " + result.finalHash());
      if (expected == null) {
        out.println("(pass --expect-hash to also catch entries cut off the end)");
      }
      return ExitCodes.OK;
    }
    err.println("BROKEN at line " + result.brokenLine() + ": " + result.problem());
    err.println(result.entries() + " entries verified before it");
    return ExitCodes.AUDIT_BROKEN;
  }
}
