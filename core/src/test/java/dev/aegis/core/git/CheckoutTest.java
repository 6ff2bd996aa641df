package dev.aegis.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.support.BareRepos;
import dev.aegis.testkit.git.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aegis's own git on the checkout: nothing a command could plant steers it, and the token travels safely. */
class CheckoutTest {
  static final String TOKEN = "ghs_checkoutTestToken0123456789";

  @TempDir Path temp;

  private Path clone(String origin) {
    Path ws = temp.resolve("ws");
    BareRepos.git(temp).run("clone", "-q", origin, ws.toString());
    return ws;
  }

  private Path serverRoot() {
    Path root = temp.resolve("server");
    createDirectories(root.resolve("acme"));
    BareRepos.withInitialCommit(root.resolve("acme/shop.git"));
    BareRepos.git(root.resolve("acme/shop.git")).run("config", "http.receivepack", "true");
    return root;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aPushAuthenticatesThroughTheCredentialHelperAndTheTokenIsInNoProcessEnvironmentOrCommandLine()
      throws Exception {
    Path root = serverRoot();
    try (GitHttpServer server = GitHttpServer.start(root, TOKEN)) {
      Path ws = clone(root.resolve("acme/shop.git").toString());
      BareRepos.git(ws).run("remote", "set-url", "origin", server.url("acme/shop.git"));
      Checkout checkout = new Checkout(BareRepos.git(ws));
      checkout.checkoutFresh("aegis/1-fix", "HEAD");
      Files.writeString(ws.resolve("fix.txt"), "fixed\n");
      checkout.stage(java.util.List.of("fix.txt"));
      String commit = checkout.commitStaged("fix: the bug");

      checkout.push("aegis/1-fix", TOKEN);

      assertThat(BareRepos.git(root.resolve("acme/shop.git")).run("rev-parse", "refs/heads/aegis/1-fix")).isEqualTo(commit);
      assertThat(server.requests()).anyMatch(r -> r.endsWith("-> 401")).anyMatch(r -> r.contains("git-receive-pack -> 200"));
      assertThat(server.exposures()).isEmpty();
      assertThat(Files.readString(ws.resolve(".git/config"))).doesNotContain(TOKEN).doesNotContain("extraheader");
      assertThat(Files.list(Path.of(System.getProperty("java.io.tmpdir")))
          .filter(p -> p.getFileName().toString().startsWith("aegis-credential-"))).isEmpty();
    }
  }

  @Test
  void aFetchWithTheWrongTokenFailsWithoutAPrompt() {
    Path root = serverRoot();
    try (GitHttpServer server = GitHttpServer.start(root, TOKEN)) {
      Path ws = clone(root.resolve("acme/shop.git").toString());
      BareRepos.git(ws).run("remote", "set-url", "origin", server.url("acme/shop.git"));
      assertThatThrownBy(() -> new Checkout(BareRepos.git(ws)).fetch("main", "ghs_wrong_token_000000"))
          .isInstanceOf(GitException.class);
      new Checkout(BareRepos.git(ws)).fetch("main", TOKEN);
    }
  }

  /** The attack: {@code ~/.gitconfig} defines a clean filter and {@code .gitattributes} applies it to everything. */
  @Test
  void aFilterPlantedInTheUsersGitConfigRunsInAPlainGitButNeverInAegiss() throws Exception {
    Path origin = BareRepos.withInitialCommit(temp.resolve("origin.git"));
    Path ws = clone(origin.toString());
    Path home = Files.createDirectories(temp.resolve("planted-home"));
    Path marker = temp.resolve("filter-ran");
    Path filter = Files.writeString(home.resolve("f.sh"), "#!/bin/sh\necho ran > " + marker + "\ncat\n");
    Files.setPosixFilePermissions(filter, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(home.resolve(".gitconfig"), "[filter \"x\"]\n\tclean = " + filter + "\n\tsmudge = cat\n"
        + "[core]\n\tpager = " + filter + "\n");
    Files.writeString(ws.resolve(".gitattributes"), "* filter=x\n");
    Files.writeString(ws.resolve("a.txt"), "content\n");

    Checkout checkout = new Checkout(BareRepos.git(ws));
    checkout.stage(checkout.status().stream().map(Checkout.Change::path).toList());
    checkout.commitStaged("fix: a");
    new Checkout(BareRepos.git(ws)).diffAgainstHead(null);
    assertThat(marker).as("Aegis's git ran the planted filter").doesNotExist();

    Files.writeString(ws.resolve("a.txt"), "changed\n");
    ProcessBuilder plain = new ProcessBuilder("git", "add", "a.txt").directory(ws.toFile());
    plain.environment().put("HOME", home.toString());
    plain.environment().remove("GIT_CONFIG_GLOBAL");
    plain.start().waitFor(30, TimeUnit.SECONDS);
    assertThat(marker).as("a plain git with that HOME does run it (the attack is real)").exists();
  }

  @Test
  void gitReadsNoConfigurationButTheRepositorysOwn() {
    Path origin = BareRepos.withInitialCommit(temp.resolve("origin.git"));
    Path ws = clone(origin.toString());
    String origins = BareRepos.git(ws).run("config", "--list", "--show-origin");
    assertThat(origins.lines().map(l -> l.split("\t")[0]).distinct().toList())
        .allMatch(o -> o.equals("command line:") || o.endsWith(".git/config"));
    assertThat(BareRepos.git(ws).environment()).containsEntry("HOME", "/dev/null")
        .containsEntry("GIT_CONFIG_GLOBAL", "/dev/null").containsEntry("GIT_CONFIG_NOSYSTEM", "1");
  }

  @Test
  void gitRunsFromATrustedDirectoryNeverFromPath() {
    Path git = dev.aegis.core.support.Sandboxes.PROGRAMS.requireGit();
    assertThat(git).isAbsolute();
    assertThat(git.toString()).doesNotContain(".local");
    assertThat(List.of("/usr/bin/git", "/bin/git", "/usr/local/bin/git", "/usr/sbin/git", "/sbin/git")).contains(git.toString());
  }
}
