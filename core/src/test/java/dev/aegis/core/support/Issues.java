package dev.aegis.core.support;

import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.IssueKey;
import java.time.Instant;
import java.util.List;

/** Issues for tests. */
public final class Issues {
  public static final String GOOD_BODY = """
      When I open /checkout with an empty cart the server returns a 500 error.
      It should show "Your cart is empty" instead.
      ```
      java.lang.NullPointerException at shop.Checkout.total(Checkout.java:42)
      ```
      """;

  private Issues() {}

  public static Issue ready(int number, String title, String body, Instant at) {
    return new Issue(IssueKey.github(number), title, body, List.of("bug", "ready to implement"), "open",
        Author.human("reporter"), at, at, "https://github.com/acme/shop/issues/" + number);
  }

  public static Issue withLabels(Issue i, List<String> labels) {
    return new Issue(i.key(), i.title(), i.body(), labels, i.state(), i.author(), i.createdAt(), i.updatedAt(), i.url());
  }
}
