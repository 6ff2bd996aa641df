package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.audit.AuditVerifier;
import dev.aegis.core.model.PriceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every typed stop the loop can end in, each with its records written and verifiable. */
class LoopStopsTest {
  @TempDir Path temp;
  Harness harness;

  @BeforeEach
  void project() throws Exception {
    harness = new Harness(temp);
  }

  @Test
  void aPlanRunFinishesWithTheRcaFields() throws Exception {
    EngineResult result = harness.run("{\"steps\":[{\"toolCalls\":[" + Harness.FINISH_PLAN + "]}]}");
    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.FINISHED);
    PlanReport plan = result.plan().orElseThrow();
    assertThat(plan.evidence()).containsExactly(new Evidence("src/calc.sh", 4, "the subtraction"));
    assertThat(plan.risk()).isEqualTo(Risk.LOW);
    assertThat(ReportMarkdown.render(result)).contains("### Root-cause analysis", "`src/calc.sh:4`: the subtraction",
        "**Risk:** low");
    assertThat(AuditVerifier.verify(result.auditLog(), result.auditFinalHash()).intact()).isTrue();
  }

  @Test
  void anIncompleteFinishIsSentBackAndACompleteOneAccepted() throws Exception {
    EngineResult result = harness.run("""
        {"steps": [
          {"toolCalls": [{"name": "finish", "arguments": {"summary": "x", "risk": "extreme"}}]},
          {"expectToolResultContains": "'root_cause' is missing", "toolCalls": [%s]}
        ]}""".formatted(Harness.FINISH_PLAN));
    assertThat(result.stop().reason()).as(result.stop().detail()).isEqualTo(Stop.Reason.FINISHED);
    assertThat(result.steps()).isEqualTo(2);
  }

  @Test
  void aModelThatNeverCallsFinishStopsAtTheStepBudget() throws Exception {
    harness.budget = new Budget(4, 1_000_000, 5, Duration.ofMinutes(5));
    EngineResult result = harness.run("{\"steps\":[{\"toolCalls\":[{\"name\":\"list_files\"}],\"times\":0}]}");
    assertThat(result.stop()).isEqualTo(Stop.budget(Budget.Kind.STEPS, "4 of 4 model calls"));
    assertThat(result.outcome()).isEqualTo(Stop.Outcome.BLOCKED);
    assertThat(result.steps()).isEqualTo(4);
    assertThat(result.report()).isNull();
  }

  @Test
  void aModelThatStopsCallingToolsIsNudgedThenEndsAsNoFinish() throws Exception {
    EngineResult result = harness.run("""
        {"steps": [{"text": "I think it is fine."},
                   {"expectRequestContains": "A run only counts when `finish` is called", "text": "Still fine.",
                    "times": 0}]}""");
    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.NO_FINISH);
    assertThat(result.steps()).isEqualTo(3);
  }

  @Test
  void theTokenBudgetStopsTheRun() throws Exception {
    harness.budget = new Budget(100, 2500, 5, Duration.ofMinutes(5));
    EngineResult result = harness.run("{\"steps\":[{\"toolCalls\":[{\"name\":\"list_files\"}],"
        + "\"usage\":{\"input\":900,\"output\":100},\"times\":0}]}");
    assertThat(result.stop().budget()).isEqualTo(Budget.Kind.TOKENS);
    assertThat(result.steps()).isEqualTo(3);
    assertThat(result.usage().totalTokens()).isEqualTo(3000);
  }

  @Test
  void theDollarBudgetStopsTheRunAndTheCostIsReported() throws Exception {
    Path prices = Files.writeString(temp.resolve("prices.json"),
        "{\"models\":{\"scripted/*\":{\"input\":1000,\"output\":0}}}");
    harness.budget = new Budget(100, 10_000_000, 2.5, Duration.ofMinutes(5));
    EngineResult result = harness.run("{\"steps\":[{\"toolCalls\":[{\"name\":\"list_files\"}],"
        + "\"usage\":{\"input\":1000,\"output\":0},\"times\":0}]}",
        harness.settings().withPrices(PriceTable.withOverrides(prices)));
    assertThat(result.stop().budget()).isEqualTo(Budget.Kind.DOLLARS);
    assertThat(result.costDollars()).isEqualTo(3.0);
    assertThat(result.costText()).isEqualTo("$3.0000");
  }

  @Test
  void theWallTimeBudgetStopsTheRunOnTheInjectedClock() throws Exception {
    harness.budget = new Budget(100, 10_000_000, 5, Duration.ofMinutes(3));
    EngineResult result = harness.run("{\"steps\":[{\"toolCalls\":[{\"name\":\"list_files\"}],\"times\":0}]}",
        harness.settings().withClock(new TickingClock(Duration.ofSeconds(20))));
    assertThat(result.stop().budget()).isEqualTo(Budget.Kind.WALL_TIME);
    assertThat(result.steps()).isBetween(1, 10);
  }

  @Test
  void aConversationTooLargeToSendStopsBeforeTheCall() throws Exception {
    EngineResult result = harness.run("{\"steps\":[{\"text\":\"x\"}]}", harness.settings().withMaxContextChars(100));
    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.CONTEXT_TOO_LARGE);
    assertThat(result.steps()).isZero();
    assertThat(result.outcome()).isEqualTo(Stop.Outcome.BLOCKED);
  }

  @Test
  void aFailingModelEndsAsModelErrorWithRecordsStillVerifiable() throws Exception {
    EngineResult result = harness.run("{\"steps\":[]}");
    assertThat(result.stop().reason()).isEqualTo(Stop.Reason.MODEL_ERROR);
    assertThat(result.outcome()).isEqualTo(Stop.Outcome.REMOTE_ERROR);
    assertThat(AuditVerifier.verify(result.auditLog(), result.auditFinalHash()).intact()).isTrue();
    assertThat(harness.audit()).contains("\"type\":\"run_end\"").contains("MODEL_ERROR");
  }

  /** A clock that moves forward on every reading. */
  static final class TickingClock extends Clock {
    private final Duration tick;
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");

    TickingClock(Duration tick) {
      this.tick = tick;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plus(tick);
      return now;
    }
  }
}
