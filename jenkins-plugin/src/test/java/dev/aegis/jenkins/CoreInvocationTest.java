package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import dev.aegis.core.host.HostResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CoreInvocationTest {
  private static final Path WORKSPACE = Path.of("/builds/ws");
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void coreLinesArePrintedVerbatim() {
    CoreOutcome outcome =
        new CoreInvocation((request, log) -> {
          log.line("github:#123 would run - ready bug with enough context");
          log.line("github:#124 would skip - needs info");
          return new HostResult(HostResult.Outcome.OK, "2 candidates", Map.of("decision", "run"));
        }).invoke(call(List.of()), WORKSPACE, out);

    assertThat(printed())
        .isEqualTo("github:#123 would run - ready bug with enough context\ngithub:#124 would skip - needs info\n");
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.toPipelineResult()).containsEntry("decision", "run").containsEntry("prUrl", "");
  }

  @Test
  void theCoreSeesTheWorkspaceAndTheCall() {
    AtomicReference<HostRequest> seen = new AtomicReference<>();
    new CoreInvocation((request, log) -> {
      seen.set(request);
      return HostResult.of(HostResult.Outcome.OK, "");
    }).invoke(call(List.of()), WORKSPACE, out);

    assertThat(seen.get().workspace()).isEqualTo(WORKSPACE);
    assertThat(seen.get().command()).isEqualTo(HostCommand.PICKUP);
    assertThat(seen.get().environment()).containsEntry("GITHUB_TOKEN", "ghp_secret");
  }

  @Test
  void secretsNeverReachTheLogOrTheOutcome() {
    CoreOutcome outcome =
        new CoreInvocation((request, log) -> {
          log.line("token is ghp_secret");
          log.mask("runtime-secret");
          log.warn("runtime-secret leaked?");
          return new HostResult(HostResult.Outcome.AUTH_ERROR, "GitHub refused ghp_secret", Map.of("run-id", "ghp_secret"));
        }).invoke(call(List.of("ghp_secret")), WORKSPACE, out);

    assertThat(printed()).doesNotContain("ghp_secret", "runtime-secret").contains("token is ****", "WARNING: **** leaked?");
    assertThat(outcome.message()).isEqualTo("GitHub refused ****");
    assertThat(outcome.outputs()).containsEntry("run-id", "****");
    assertThat(outcome.failureMessage()).isEqualTo("Aegis AUTH_ERROR: GitHub refused ****");
  }

  @Test
  void aCrashingCoreBecomesAnInternalErrorInsteadOfAStackTrace() {
    CoreOutcome outcome =
        new CoreInvocation((request, log) -> {
          throw new IllegalStateException("boom with ghp_secret");
        }).invoke(call(List.of("ghp_secret")), WORKSPACE, out);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.outcome()).isEqualTo("INTERNAL_ERROR");
    assertThat(outcome.message()).contains("boom with ****").doesNotContain("ghp_secret");
  }

  @Test
  void aPausedAegisDoesNotFailTheBuildButABlockedRunAndErrorsDo() {
    assertThat(new CoreOutcome("PAUSED", "Aegis is paused", Map.of()).failsBuild()).isFalse();
    assertThat(new CoreOutcome("OK", "", Map.of()).failsBuild()).isFalse();
    assertThat(new CoreOutcome("BLOCKED", "tests fail", Map.of()).failsBuild()).isTrue();
    assertThat(new CoreOutcome("CONFIG_ERROR", "no token", Map.of()).failsBuild()).isTrue();
  }

  @Test
  void theCoreRunsWithThePluginsClassLoaderAndTheCallersIsRestored() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    ClassLoader[] during = new ClassLoader[1];
    new CoreInvocation((request, log) -> {
      during[0] = Thread.currentThread().getContextClassLoader();
      return HostResult.of(HostResult.Outcome.OK, "");
    }).invoke(call(List.of()), WORKSPACE, out);

    assertThat(during[0]).isSameAs(CoreInvocation.class.getClassLoader());
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  @Test
  void theContextClassLoaderIsRestored() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    new CoreInvocation((request, log) -> HostResult.of(HostResult.Outcome.OK, "")).invoke(call(List.of()), WORKSPACE, out);

    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  @Test
  void aLoggerSinkKeepsTheConfigurationGroupApartFromTheDecisions() {
    List<String> info = new java.util.ArrayList<>();
    List<String> fine = new java.util.ArrayList<>();
    MaskingLog log = new MaskingLog(info::add, fine::add, info::add, List.of("ghp_secret"));

    log.group("Aegis configuration");
    log.line("github.repository = octo/shop  (host input)");
    log.endGroup();
    log.line("github:#1 claimed - run 1-abc with ghp_secret");
    log.summary("### table");

    assertThat(fine).containsExactly("== Aegis configuration ==", "github.repository = octo/shop  (host input)");
    assertThat(info).containsExactly("github:#1 claimed - run 1-abc with ****");
  }

  @Test
  void longerSecretsAreMaskedWhole() {
    MaskingLog log = new MaskingLog(out, List.of("abc", "abcdef"));
    log.line("x abcdef y abc");

    assertThat(printed()).isEqualTo("x **** y ****\n");
  }

  private static CoreCall call(List<String> secrets) {
    return new CoreCall(
        HostCommand.PICKUP, null, null, true, null, Map.of(), Map.of("GITHUB_TOKEN", "ghp_secret"), secrets);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
