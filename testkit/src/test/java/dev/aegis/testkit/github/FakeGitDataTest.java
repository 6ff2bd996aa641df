package dev.aegis.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testkit.github.RawGitHub.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git data on the fake is a real git repository: the API and git clients see the same refs. */
class FakeGitDataTest {
  private FakeGitHub fake;
  private FakeRepository repo;
  private RawGitHub api;

  @TempDir
  Path temp;

  @BeforeEach
  void start() {
    fake = FakeGitHub.start();
    repo = fake.createRepository("octo-org/app");
    repo.setPermission("maintainer", Role.WRITE);
    api = new RawGitHub(fake.apiUrl(), fake.newToken("maintainer"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void pushFromACloneIsWhatTheApiShows() throws Exception {
    Path work = temp.resolve("work");
    git(temp, "clone", "--quiet", repo.cloneUrl(), work.toString());
    Files.writeString(work.resolve("fix.txt"), "fixed\n");
    git(work, "add", "fix.txt");
    git(work, "-c", "user.name=Aegis", "-c", "user.email=aegis@example.invalid", "commit", "--quiet", "-m", "Fix");
    git(work, "push", "--quiet", "origin", "HEAD:refs/heads/aegis/1-fix");
    String pushed = git(work, "rev-parse", "HEAD").trim();

    Response ref = api.get("/repos/octo-org/app/git/ref/heads/aegis/1-fix");
    Response commit = api.get("/repos/octo-org/app/git/commits/" + pushed);

    assertThat(ref.json().path("object").path("sha").asText()).isEqualTo(pushed);
    assertThat(commit.json().path("message").asText()).isEqualTo("Fix");
    assertThat(commit.json().path("parents").get(0).path("sha").asText()).isEqualTo(repo.branchHead("main").get());
    fake.assertNoContractViolations();
  }

  @Test
  void racingBranchCreationHasExactlyOneWinner() throws Exception {
    String main = repo.branchHead("main").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> racers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        racers.add(() -> api.post("/repos/octo-org/app/git/refs",
            Map.of("ref", "refs/heads/aegis/7-race", "sha", main)).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(racers)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refUpdateWithoutForceMustFastForward() {
    String main = repo.branchHead("main").orElseThrow();
    String ahead = repo.newCommit(main, "ahead");
    String sideways = repo.newCommit(main, "sideways");
    api.post("/repos/octo-org/app/git/refs", Map.of("ref", "refs/heads/topic", "sha", main));

    Response forward = api.patch("/repos/octo-org/app/git/refs/heads/topic", Map.of("sha", ahead, "force", false));
    Response notForward =
        api.patch("/repos/octo-org/app/git/refs/heads/topic", Map.of("sha", sideways, "force", false));
    Response forced = api.patch("/repos/octo-org/app/git/refs/heads/topic", Map.of("sha", sideways, "force", true));

    assertThat(forward.status()).isEqualTo(200);
    assertThat(notForward.status()).isEqualTo(422);
    assertThat(notForward.json().path("message").asText()).isEqualTo("Update is not a fast forward");
    assertThat(forced.status()).isEqualTo(200);
    assertThat(repo.branchHead("topic")).contains(sideways);
    fake.assertNoContractViolations();
  }

  @Test
  void adoptedRepositoryIsServedAsItIs() throws Exception {
    Path bare = temp.resolve("adopted.git");
    git(temp, "clone", "--quiet", "--bare", repo.cloneUrl(), bare.toString());
    FakeRepository adopted = fake.adoptRepository("octo-org/adopted", bare);
    adopted.setPermission("maintainer", Role.WRITE);

    Response ref = api.get("/repos/octo-org/adopted/git/ref/heads/main");

    assertThat(ref.json().path("object").path("sha").asText()).isEqualTo(repo.branchHead("main").get());
    assertThat(api.get("/repos/octo-org/adopted").json().path("default_branch").asText()).isEqualTo("main");
    fake.close();
    assertThat(bare).isDirectory();
  }

  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
    }
    return out;
  }
}
