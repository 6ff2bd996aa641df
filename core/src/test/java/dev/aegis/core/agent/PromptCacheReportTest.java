package dev.aegis.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.model.Price;
import dev.aegis.core.model.Usage;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The run report says how many prompt tokens the provider's cache served and what that saved. */
class PromptCacheReportTest {
  @Test
  void cachedTokensAreSavedAtTheDifferenceBetweenTheUncachedAndTheCachedPrice() {
    BudgetMeter meter = new BudgetMeter(Budget.defaults(), Clock.systemUTC(), new Price(3.00, 0.30, 15.00));
    meter.record(new Usage(10_000, 200, 8_000));
    assertThat(meter.saved()).isCloseTo(8_000 * 2.70 / 1_000_000, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theReportShowsCachedTokensAndTheDollarsTheySaved() {
    EngineResult result = new EngineResult(Stop.of(Stop.Reason.NO_FINISH, "x"), null, 3, new Usage(10_000, 200, 8_000),
        0.0126, true, Path.of("t"), Path.of("a"), "abc123", "", 0.0216);
    assertThat(ReportMarkdown.render(result)).contains("10000 tokens in (8000 cached, saving $0.0216), 200 out");
  }

  @Test
  void nothingCachedSaysNothingAboutTheCache() {
    EngineResult result = new EngineResult(Stop.of(Stop.Reason.NO_FINISH, "x"), null, 1, new Usage(100, 20, 0),
        0.001, true, Path.of("t"), Path.of("a"), "abc123", "");
    assertThat(ReportMarkdown.render(result)).contains("100 tokens in, 20 out").doesNotContain("cached");
  }
}
