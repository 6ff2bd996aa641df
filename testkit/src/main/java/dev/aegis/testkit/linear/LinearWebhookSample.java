package dev.aegis.testkit.linear;

import java.time.Instant;

/**
 * A Linear webhook delivery with a known signature, for tests of signature and timestamp checks: a comment
 * {@code /aegis proceed eng-950-r1} on ENG-950 by Maya, signed with {@link #SECRET} by Node's crypto, as Linear's
 * SDK verifies it. Change no byte of {@link #COMMENT}: the signature is of these bytes.
 */
public final class LinearWebhookSample {
  /** The webhook's signing secret. */
  public static final String SECRET = "lin_wh_test_secret";
  /** When Linear sent it: the body's {@code webhookTimestamp}. */
  public static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z");
  /** The delivery's body, as UTF-8 text. */
  public static final String COMMENT = "{\"action\":\"create\",\"type\":\"Comment\",\"webhookId\":\"wh_1\","
      + "\"webhookTimestamp\":1772442000000,\"data\":{\"id\":\"c1\",\"body\":\"/aegis proceed eng-950-r1\","
      + "\"issueId\":\"i1\",\"issue\":{\"id\":\"i1\",\"identifier\":\"ENG-950\",\"title\":\"Checkout crashes\","
      + "\"url\":\"https://linear.app/acme/issue/ENG-950\",\"teamId\":\"t1\",\"team\":{\"id\":\"t1\",\"key\":\"ENG\","
      + "\"name\":\"Engineering\"}},\"userId\":\"u1\",\"user\":{\"id\":\"u1\",\"name\":\"Maya\","
      + "\"email\":\"maya@example.com\",\"url\":\"https://linear.app/acme/profiles/maya\"}},"
      + "\"actor\":{\"id\":\"u1\",\"name\":\"Maya\",\"email\":\"maya@example.com\",\"type\":\"user\"}}";
  /** Its {@code Linear-Signature} header: hex HMAC-SHA256 of {@link #COMMENT} with {@link #SECRET}. */
  public static final String COMMENT_SIGNATURE = "586adfb80400a81881877078e4d76f871769da87d61214a83ee0ea4491dbde90";

  private LinearWebhookSample() {}
}
