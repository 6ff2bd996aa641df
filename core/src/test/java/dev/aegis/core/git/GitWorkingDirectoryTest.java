package dev.aegis.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where git runs: a missing directory is named as such, and only the top of a checkout counts as one. */
class GitWorkingDirectoryTest {
  @TempDir Path tmp;

  @Test
  void gitInAMissingDirectorySaysTheDirectoryIsMissingNotThatGitIsNotInstalled() {
    Path missing = tmp.resolve("workspace");
    Git git = new Git(dev.aegis.core.support.Sandboxes.PROGRAMS, missing);

    assertThatThrownBy(() -> git.run("status"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("in " + missing + " (the directory does not exist)");
  }

  @Test
  void onlyTheTopOfACheckoutIsACheckout() throws IOException {
    Path checkout = tmp.resolve("checkout");
    new Git(dev.aegis.core.support.Sandboxes.PROGRAMS, Files.createDirectories(checkout)).run("init", "-q");
    Path inside = Files.createDirectories(checkout.resolve("jobs/worker/workspace"));

    assertThat(Checkout.isCheckout(checkout)).isTrue();
    assertThat(Checkout.isCheckout(inside)).as("a directory inside another repository (JENKINS_HOME in git)").isFalse();
    assertThat(Checkout.isCheckout(tmp.resolve("missing"))).isFalse();
  }
}
