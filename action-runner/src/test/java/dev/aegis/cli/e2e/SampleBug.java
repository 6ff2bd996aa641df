package dev.aegis.cli.e2e;

/** The bug report the end-to-end tests file, in a rich and a thin version. */
final class SampleBug {
  static final String READY = "ready to implement";
  static final String TITLE = "Cart total ignores the SAVE10 code";
  /** The run branch of issue #1 titled {@link #TITLE}. */
  static final String BRANCH = "aegis/1-cart-total-ignores-the-save10-code";
  /** What happened, what was expected, where, and steps: enough context. */
  static final String BODY = """
      What happens: `total 2000 SAVE10` in src/cart.sh prints 2000, so the discount is ignored.
      Expected: it should print 1800, as `total 2000 save10` does.

      Steps to reproduce:
      1. . ./src/cart.sh
      2. total 2000 SAVE10
      """;
  static final String THIN_BODY = "pls fix";

  private SampleBug() {}
}
