package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workflow commands as the runner reads them: a failure is annotated once, titled with the issue it concerns. */
class ActionsLogTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ActionsLog log = new ActionsLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());

  private String out() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachBlockedRunIsAnnotatedOnceWithItsOwnIssueAsTheTitle() {
    log.failure("github:#5 blocked - the tests fail\nlinear:ENG-9 blocked - no plan");

    assertThat(out()).isEqualTo("::error title=Aegis%3A github%3A#5::github:#5 blocked - the tests fail\n"
        + "::error title=Aegis%3A linear%3AENG-9::linear:ENG-9 blocked - no plan\n");
  }

  @Test
  void aBlockedRunsNoteOverSeveralLinesIsOneAnnotation() {
    log.failure("github:#5 blocked - GitHub refused.\n\nThe fix is pushed to `aegis/5-x`.\ngithub:#6 blocked - no plan");

    assertThat(out().lines()).containsExactly(
        "::error title=Aegis%3A github%3A#5::github:#5 blocked - GitHub refused.%0A%0AThe fix is pushed to `aegis/5-x`.",
        "::error title=Aegis%3A github%3A#6::github:#6 blocked - no plan");
  }

  @Test
  void aFailureTheCoreAlreadyWarnedAboutIsNotAnnotatedASecondTime() {
    log.warn("GitHub refused reading issue 5 (403 Forbidden): the token needs Issues: read on o/r.");

    log.failure("GitHub refused reading issue 5 (403 Forbidden): the token needs Issues: read on o/r.");

    assertThat(out().lines().filter(l -> l.startsWith("::"))).hasSize(1);
  }

  @Test
  void theCoresFailureIsNotPrintedWhereTheActionAnnotatesTheResult() {
    log.failed("Malformed event: the issues event has no issue. Nothing was changed.");

    log.failure("Malformed event: the issues event has no issue. Nothing was changed.");

    assertThat(out().lines().filter(l -> l.startsWith("::"))).containsExactly(
        "::error title=Aegis::Malformed event: the issues event has no issue. Nothing was changed.");
  }

  @Test
  void aFailureWithoutAnIssueIsTitledAegisAndSecretsStayMasked() {
    log.mask("ghs_secretvalue123");

    log.failure("cannot reach GitHub with ghs_secretvalue123");

    assertThat(out()).endsWith("::error title=Aegis::cannot reach GitHub with ***\n");
  }
}
