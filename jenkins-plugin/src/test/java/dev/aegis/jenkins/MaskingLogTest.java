package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the controller's core calls log, through {@code java.util.logging} as Jenkins' own log does: the core's
 * warnings at WARNING, so a failing scan or event shows in the Jenkins log instead of passing as INFO.
 */
class MaskingLogTest {
  private final Logger logger = Logger.getLogger("dev.aegis.jenkins.test." + UUID.randomUUID());
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final ByteArrayOutputStream taskLog = new ByteArrayOutputStream();

  @TempDir Path scratch;

  MaskingLogTest() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(handler);
  }

  @Test
  void anEventsCoreWarningIsLoggedAtWarningAndMasked() {
    MaskingLog log = MaskingLog.toLogger(logger);
    log.mask("ghp_secret");

    log.group("Aegis configuration");
    log.line("github.repository = octo/shop  (host input)");
    log.endGroup();
    log.line("github:#1 claimed - run 1-abc");
    log.warn("GitHub event issues: AUTH_ERROR: the token ghp_secret was refused");

    assertThat(records)
        .extracting(record -> record.getLevel() + " " + record.getMessage())
        .containsExactly(
            "FINE == Aegis configuration ==",
            "FINE github.repository = octo/shop  (host input)",
            "INFO github:#1 claimed - run 1-abc",
            "WARNING GitHub event issues: AUTH_ERROR: the token **** was refused");
  }

  @Test
  void aScanThatFailsWarnsInItsTaskLogAndInTheJenkinsLog() {
    ControllerContext context = ControllerContext.of(Settings.configured().build(), id -> Optional.of("ghp_scan"));
    CoreWorkSource source = new CoreWorkSource(
        (request, log) -> HostResult.of(HostResult.Outcome.AUTH_ERROR, "GitHub refused the token (401)"),
        context, scratch);

    try (PrintStream out = new PrintStream(taskLog, true, StandardCharsets.UTF_8)) {
      MaskingLog log = MaskingLog.toTaskLog(out, logger);
      log.line("Aegis scan: started");
      source.findWork(Settings.configured().build(), log);
    }

    assertThat(taskLog.toString(StandardCharsets.UTF_8))
        .contains("Aegis scan: started", "WARNING: Aegis scan: AUTH_ERROR: GitHub refused the token (401)");
    assertThat(records)
        .singleElement()
        .satisfies(record -> {
          assertThat(record.getLevel()).isEqualTo(Level.WARNING);
          assertThat(record.getMessage()).isEqualTo("Aegis scan: AUTH_ERROR: GitHub refused the token (401)");
        });
  }

  @Test
  void aBuildLogPrefixesWarnings() {
    try (PrintStream out = new PrintStream(taskLog, true, StandardCharsets.UTF_8)) {
      new MaskingLog(out, List.of()).warn("careful");
    }

    assertThat(taskLog.toString(StandardCharsets.UTF_8)).isEqualTo("WARNING: careful" + System.lineSeparator());
  }
}
