package dev.aegis.core.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.readiness.Readiness.Missing;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessCheckTest {
  private final ReadinessCheck check = new ReadinessCheck();

  private static final String GOOD_BODY = """
      When I open the checkout page with an empty cart, the server returns a 500 error.
      Expected: the page should show "Your cart is empty".
      Stack trace:
      ```
      java.lang.NullPointerException: cart.items is null
          at shop.Checkout.total(Checkout.java:42)
      ```
      """;

  @Test
  void aReportWithWhatExpectedWhereAndEvidenceIsReady() {
    assertThat(check.check("Checkout crashes on empty cart", GOOD_BODY, List.of()))
        .isEqualTo(new Readiness.Ready(true));
  }

  @Test
  void aReportWithoutEvidenceIsStillReadyButSaysSo() {
    String body = "Calling GET /api/orders/7 returns the wrong total for discounted orders. "
        + "It should subtract the discount once, but it subtracts it twice.";
    assertThat(check.check("Order total wrong", body, List.of())).isEqualTo(new Readiness.Ready(false));
  }

  @Test
  void aOneLineReportAsksWhatHappened() {
    Readiness r = check.check("Broken", "pls fix", List.of());
    assertThat(r).isInstanceOf(Readiness.NeedsInfo.class);
    assertThat(((Readiness.NeedsInfo) r).missing()).isEqualTo(Missing.WHAT_HAPPENED);
    assertThat(((Readiness.NeedsInfo) r).question()).startsWith("What exactly happens");
  }

  @Test
  void aReportWithoutExpectedBehaviourAsksForIt() {
    String body = "The invoice page crashes with a NullPointerException whenever the customer has no address on file.";
    Readiness r = check.check("Invoice crash", body, List.of());
    assertThat(r).isEqualTo(new Readiness.NeedsInfo(Missing.EXPECTED,
        "What should happen instead? Please describe the result you expected."));
  }

  @Test
  void aReportWithoutLocationAsksWhere() {
    String body = "Sometimes the total is wrong after I add things and then remove them again. "
        + "It should be the sum of what is left.";
    Readiness r = check.check("Total is wrong", body, List.of());
    assertThat(((Readiness.NeedsInfo) r).missing()).isEqualTo(Missing.WHERE);
  }

  @Test
  void onlyOneQuestionIsAskedTheFirstMissingPart() {
    Readiness r = check.check("x", "", List.of());
    assertThat(((Readiness.NeedsInfo) r).missing()).isEqualTo(Missing.WHAT_HAPPENED);
  }

  @Test
  void aReplyThatAnswersTheQuestionMakesTheReportReady() {
    String body = "The invoice page crashes with a NullPointerException whenever the customer has no address on file.";
    Readiness r = check.check("Invoice crash", body, List.of("It should render the invoice without an address block."));
    assertThat(r).isInstanceOf(Readiness.Ready.class);
  }

  @Test
  void hugeInputIsReadOnlyUpToTheLimit() {
    String huge = "a".repeat(5_000_000);
    Readiness r = check.check("t", huge, List.of());
    assertThat(r).isInstanceOf(Readiness.NeedsInfo.class);
  }
}
