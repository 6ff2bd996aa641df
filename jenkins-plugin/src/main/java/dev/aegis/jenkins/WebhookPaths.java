package dev.aegis.jenkins;

/** The webhook's URL under the Jenkins root, shared by the action and its CSRF exclusion. */
public final class WebhookPaths {
  public static final String URL_NAME = "aegis-webhook";

  private WebhookPaths() {}

  /** True for exactly {@code /aegis-webhook} and {@code /aegis-webhook/} (nothing below or beside it). */
  public static boolean isWebhook(String pathInfo) {
    return ("/" + URL_NAME).equals(pathInfo) || ("/" + URL_NAME + "/").equals(pathInfo);
  }
}
