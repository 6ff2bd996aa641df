package dev.aegis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.github.ArmedFault;
import dev.aegis.testkit.github.Fault;
import dev.aegis.testkit.github.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write of the plan-first loop (labeled, RCA, proceed, pull request) meets a fault, one at a time, and the
 * loop still ends with one status comment, one branch, one pull request and labels that agree with the state;
 * the job's log says what happened; redelivering the faulted job's event then changes nothing.
 *
 * <p>The cases are generated from a clean run's request log, so a new call site is covered without anyone
 * adding it. Every call site meets at least one fault kind (rotating over all kinds), and the writes GitHub does
 * not treat as idempotent (comments, branches, pull requests) meet every kind of lost answer. {@code
 * -Daegis.faults=all} runs every call site with every kind (slow: several minutes); {@code -Daegis.faults=<regex>}
 * runs the sampled cases whose name matches.
 */
class GitHubFaultMatrixTest {
  private static final List<Kind> KINDS = List.of(
      new Kind("500 before serving", Fault.When.BEFORE, Fault::serverError),
      new Kind("502 after serving (answer lost)", Fault.When.AFTER, Fault::badGateway),
      new Kind("503 before serving", Fault.When.BEFORE, Fault::serviceUnavailable),
      new Kind("secondary limit, 403 retry-after", Fault.When.BEFORE, () -> Fault.secondaryRateLimit(Duration.ofSeconds(3))),
      new Kind("429 retry-after", Fault.When.BEFORE, () -> Fault.tooManyRequests(Duration.ofSeconds(2))),
      new Kind("primary limit, reset in 20 s", Fault.When.BEFORE, () -> Fault.rateLimited(Duration.ofSeconds(20))),
      new Kind("timeout before serving", Fault.When.BEFORE, () -> Fault.timeout(Duration.ofSeconds(4))),
      new Kind("timeout after serving (answer lost)", Fault.When.AFTER, () -> Fault.timeout(Duration.ofSeconds(4))),
      new Kind("reset before serving", Fault.When.BEFORE, Fault::reset),
      new Kind("reset after serving (answer lost)", Fault.When.AFTER, Fault::reset),
      new Kind("429 after serving (a front end limited after the backend acted)", Fault.When.AFTER,
          () -> Fault.tooManyRequests(Duration.ofSeconds(2))));
  /** Writes that GitHub does not treat as idempotent: resolved by reading when their answer is lost. */
  private static final Pattern NOT_IDEMPOTENT = Pattern.compile("POST /repos/[^/]+/[^/]+/(issues/\\d+/comments|git/refs|pulls)");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyWriteSurvivesEachFaultAndARedelivery() {
    List<Site> sites = cleanRunSites(tmp.resolve("clean"));
    assertThat(sites).as("the clean run's writes").extracting(Site::toString)
        .anyMatch(s -> s.startsWith("POST /repos/acme/calc/issues/1/comments"))
        .anyMatch(s -> s.startsWith("POST /repos/acme/calc/git/refs"))
        .anyMatch(s -> s.startsWith("POST /repos/acme/calc/pulls"));
    String only = System.getProperty("aegis.faults", "");
    boolean all = only.equals("all");
    Pattern filter = Pattern.compile(all || only.isBlank() ? ".*" : only);
    List<DynamicTest> cases = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      Site site = sites.get(i);
      Set<Kind> kinds = new LinkedHashSet<>();
      if (all) {
        kinds.addAll(KINDS);
      } else {
        kinds.add(KINDS.get(i % KINDS.size()));
        if (NOT_IDEMPOTENT.matcher(site.method() + " " + site.path()).matches()) {
          KINDS.stream().filter(k -> k.when() == Fault.When.AFTER).forEach(kinds::add);
        }
      }
      for (Kind kind : kinds) {
        if (!filter.matcher(site + ": " + kind.name()).find()) {
          continue;
        }
        cases.add(DynamicTest.dynamicTest(site + ": " + kind.name(), () -> faulted(site, kind)));
      }
    }
    return cases.stream();
  }

  /** The writes of a clean run, each as the N-th write of its method and path within its job. */
  private static List<Site> cleanRunSites(Path dir) {
    List<Site> sites = new ArrayList<>();
    try (GitHubWorld w = new GitHubWorld(dir)) {
      HostResult planned = w.job("issues", w.labeled(), true);
      assertThat(planned.outcome()).as(w.log()).isEqualTo(Outcome.OK);
      collect(w.fake.requests(), 1, sites);
      w.fake.clearRequests();
      HostResult fixed = w.job("issue_comment", w.comment("maya", "/aegis proceed " + w.state().runId()), false);
      assertThat(fixed.outcome()).as(w.log()).isEqualTo(Outcome.OK);
      collect(w.fake.requests(), 2, sites);
      w.assertConverged(Phase.PR_OPENED, 1);
      w.fake.assertNoContractViolations();
    }
    return sites;
  }

  private static void collect(List<RecordedRequest> log, int job, List<Site> sites) {
    Map<String, Integer> seen = new HashMap<>();
    for (RecordedRequest r : log) {
      if (!r.method().equals("GET")) {
        int nth = seen.merge(r.method() + " " + r.path(), 1, Integer::sum);
        sites.add(new Site(job, r.method(), r.path(), nth));
      }
    }
  }

  private void faulted(Site site, Kind kind) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "case-");
    // the clean run checked every operation against GitHub's description; the reads that resolve a lost
    // answer are operations of the clean run too (GitHubLostAnswersTest checks them with the contract on)
    try (GitHubWorld w = new GitHubWorld(dir, false)) {
      ArmedFault fault = null;
      if (site.job() == 1) {
        fault = arm(w, site, kind);
      }
      ObjectNode labeled = w.labeled();
      HostResult planned = w.job("issues", labeled, true);
      if (site.job() == 1) {
        assertThat(fault.fired()).as("the fault struck: " + fault).isTrue();
        assertSurvived(w, planned);
        assertNoticed(w, kind);
        w.assertConverged(Phase.AWAITING_APPROVAL, 0);
        assertSurvived(w, w.job("issues", labeled, true));
        w.assertConverged(Phase.AWAITING_APPROVAL, 0);
      } else {
        assertThat(planned.outcome()).as(w.log()).isEqualTo(Outcome.OK);
        fault = arm(w, site, kind);
      }
      ObjectNode proceed = w.comment("maya", "/aegis proceed " + w.state().runId());
      HostResult fixed = w.job("issue_comment", proceed, false);
      assertThat(fault.fired()).as("the fault struck: " + fault).isTrue();
      assertSurvived(w, fixed);
      assertNoticed(w, kind);
      w.assertConverged(Phase.PR_OPENED, 1);
      if (site.job() == 2) {
        assertSurvived(w, w.job("issue_comment", proceed, false));
        w.assertConverged(Phase.PR_OPENED, 1);
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n---- log of " + site + ": " + kind.name() + "\n" + logOf(dir), e);
    }
  }

  private static String logOf(Path dir) {
    return "(see the jobs under " + dir + ")";
  }

  private static ArmedFault arm(GitHubWorld w, Site site, Kind kind) {
    return w.fake.failNth(site.method(), Pattern.quote(site.path()), site.nth(), kind.when(), kind.fault().get());
  }

  /** A single fault is survived: the job ends as if nothing happened. */
  private static void assertSurvived(GitHubWorld w, HostResult result) {
    assertThat(result.outcome()).as(result.message() + "\n" + w.log()).isEqualTo(Outcome.OK);
  }

  /** The job's log says what GitHub did and what Aegis did about it. */
  private static void assertNoticed(GitHubWorld w, Kind kind) {
    assertThat(w.log()).as("the log tells of the %s", kind.name())
        .containsPattern("GitHub .*(sending it again|not writing it again|writing it again|already exists"
            + "|already where this move puts it)");
  }

  private record Site(int job, String method, String path, int nth) {
    @Override
    public String toString() {
      return method + " " + path + " #" + nth + " (job " + job + ")";
    }
  }

  private record Kind(String name, Fault.When when, Supplier<Fault> fault) {}
}
