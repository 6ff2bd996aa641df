package dev.aegis.core.flow;

import dev.aegis.core.agent.EngineResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A run's model spend across its agent runs (plan, re-plans, fix), kept in the state block as a decimal
 * number of US dollars, or {@code unknown} once any run used a model missing from the price table.
 */
final class Costs {
  static final String UNKNOWN = "unknown";

  private Costs() {}

  /** The running total after {@code result}. */
  static String add(Optional<String> total, EngineResult result) {
    if (!result.priced() || total.filter(UNKNOWN::equals).isPresent()) {
      return UNKNOWN;
    }
    BigDecimal before = total.map(Costs::parse).orElse(BigDecimal.ZERO);
    return before.add(BigDecimal.valueOf(result.costDollars())).setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  /** {@code $0.0312}, or {@code unknown (...)} naming what bounded the run and how to price the model. */
  static String text(Optional<String> total) {
    if (total.isEmpty()) {
      return "$0.0000";
    }
    if (UNKNOWN.equals(total.get())) {
      return "unknown (model not in the price table, so only steps, tokens and time bounded the run; set "
          + "model-price.input and model-price.output to enforce budget.max-dollars)";
    }
    return "$" + parse(total.get()).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private static BigDecimal parse(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
