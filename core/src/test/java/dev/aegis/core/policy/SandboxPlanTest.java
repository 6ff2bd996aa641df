package dev.aegis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of the sandbox's steps decides what a command sees; these pin it. */
class SandboxPlanTest {
  @TempDir Path temp;

  private static final List<SandboxPlan.Entry> ROOT = List.of(
      new SandboxPlan.Entry("bin", Optional.of("usr/bin"), false), new SandboxPlan.Entry("dev", Optional.empty(), true),
      new SandboxPlan.Entry("etc", Optional.empty(), true), new SandboxPlan.Entry("home", Optional.empty(), true),
      new SandboxPlan.Entry("proc", Optional.empty(), true), new SandboxPlan.Entry("run", Optional.empty(), true),
      new SandboxPlan.Entry("tmp", Optional.empty(), true), new SandboxPlan.Entry("usr", Optional.empty(), true),
      new SandboxPlan.Entry(".dockerenv", Optional.empty(), false));

  private List<String> plan(Path ws, List<Path> protectedPaths, Map<String, String> env) throws Exception {
    CommandSpace space = CommandSpace.open(temp, HostPaths.of(env, List.of(), List.of()));
    return SandboxPlan.of(new CommandRequest(ws, "true", Map.of(), Duration.ofSeconds(1), protectedPaths, space, false),
        ROOT, Optional.empty());
  }

  @Test
  void theHostIsReadOnlyWithPrivateTmpAndEmptyRunAndTheWorkspaceComesLast() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    List<String> steps = plan(ws, List.of(), Map.of());
    assertThat(steps.get(0)).startsWith("root\t").endsWith("/root");
    assertThat(steps).contains("link\t/bin\tusr/bin", "ro\t/etc", "ro\t/home", "ro\t/usr", "hide\t/run", "dev", "proc")
        .noneMatch(s -> s.contains(".dockerenv")).noneMatch(s -> s.equals("ro\t/proc"));
    assertThat(steps.stream().filter(s -> s.startsWith("rw\t/tmp\t"))).hasSize(1);
    assertThat(steps.get(steps.size() - 1)).isEqualTo("run\t" + ws);
    assertThat(steps.indexOf("rw\t" + ws + "\t" + ws)).isGreaterThan(steps.indexOf("hide\t/run"));
  }

  @Test
  void aegisHomeIsHiddenBeforeTheWorkspaceUnderItIsBoundBack() throws Exception {
    Path home = Files.createDirectories(temp.resolve("home/runner"));
    Path ws = Files.createDirectories(home.resolve("work/r/r"));
    List<String> steps = plan(ws, List.of(), Map.of("HOME", home.toString()));
    assertThat(steps.indexOf("hide\t" + home)).isPositive().isLessThan(steps.indexOf("rw\t" + ws + "\t" + ws));
  }

  @Test
  void aProtectedDirectoryIsPinnedAtItsParentsAndHeldReadOnlyEvenWhenMissing() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    List<String> steps = plan(ws, List.of(ws.resolve(".github/workflows"), ws.resolve(".aegis")), Map.of());
    assertThat(steps).containsSubsequence("rw\t" + ws + "\t" + ws, "pin\t" + ws.resolve(".github"),
        "protect\t" + ws.resolve(".github/workflows"), "run\t" + ws);
    assertThat(steps).contains("protect\t" + ws.resolve(".aegis"));
  }

  @Test
  void aProtectedFileIsBoundReadOnlyOverItself() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Path owners = Files.writeString(ws.resolve("CODEOWNERS"), "* @team\n");
    assertThat(plan(ws, List.of(owners), Map.of())).contains("ro-file\t" + owners + "\t" + owners);
  }

  @Test
  void theRepositoryIsReadOnlyAndItsConfigReplacedWhenItHoldsACredential() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws/.git")).getParent();
    CommandSpace space = CommandSpace.open(temp, HostPaths.none());
    Path copy = temp.resolve("copy");
    List<String> steps = SandboxPlan.of(new CommandRequest(ws, "true", Map.of(), Duration.ofSeconds(1), List.of(),
        space, false), ROOT, Optional.of(copy));
    assertThat(steps).containsSubsequence("rw\t" + ws + "\t" + ws, "ro\t" + ws.resolve(".git"),
        "ro-file\t" + ws.resolve(".git/config") + "\t" + copy);
  }
}
