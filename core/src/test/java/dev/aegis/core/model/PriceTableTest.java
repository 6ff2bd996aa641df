package dev.aegis.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
  @TempDir Path temp;

  @Test
  void exactAndLongestPrefixMatchesWinAndResponsesUsesOpenAiPrices() {
    PriceTable table = PriceTable.bundled();
    assertThat(table.find("openai/gpt-5-mini-2025")).contains(new Price(0.25, 0.025, 2.00));
    assertThat(table.find("openai-responses/gpt-5-mini")).isEqualTo(table.find("openai/gpt-5-mini"));
    assertThat(table.find("anthropic/claude-sonnet-4-6")).contains(new Price(3.00, 0.30, 15.00));
    assertThat(table.find("openai-compatible/llama3")).isEmpty();
  }

  @Test
  void costCountsCachedInputAtItsOwnPrice() {
    Price price = new Price(2.0, 0.5, 8.0);
    assertThat(price.cost(new Usage(1_000_000, 500_000, 400_000))).isCloseTo(1.2 + 0.2 + 4.0, within(1e-9));
  }

  @Test
  void aFileOverridesAndExtendsTheBundledTable() throws Exception {
    Path file = Files.writeString(temp.resolve("prices.json"), """
        {"models": {"openai-compatible/llama3": {"input": 0.1, "output": 0.2},
                    "openai/gpt-5.5": {"input": 9, "cached_input": 1, "output": 90}}}
        """);
    PriceTable table = PriceTable.withOverrides(file);
    assertThat(table.find("openai-compatible/llama3")).contains(new Price(0.1, 0.1, 0.2));
    assertThat(table.find("openai/gpt-5.5")).contains(new Price(9, 1, 90));
    assertThat(table.find("anthropic/claude-opus-4-1")).isPresent();
  }
}
