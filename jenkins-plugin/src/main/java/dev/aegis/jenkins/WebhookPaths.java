package dev.aegis.jenkins;

import java.util.Set;

/** The webhooks' URLs under the Jenkins root, shared by the action and its CSRF exclusion. */
public final class WebhookPaths {
  public static final String URL_NAME = "aegis-webhook";
  /** The Linear endpoint, below the GitHub one: {@code /aegis-webhook/linear}. */
  public static final String LINEAR = "linear";

  private static final Set<String> PATHS =
      Set.of(
          "/" + URL_NAME,
          "/" + URL_NAME + "/",
          "/" + URL_NAME + "/" + LINEAR,
          "/" + URL_NAME + "/" + LINEAR + "/");

  private WebhookPaths() {}

  /**
   * True for exactly {@code /aegis-webhook}, {@code /aegis-webhook/linear} and each with a trailing slash (nothing
   * else below or beside them).
   */
  public static boolean isWebhook(String pathInfo) {
    return pathInfo != null && PATHS.contains(pathInfo);
  }

  /**
   * True for the GitHub endpoint without its trailing slash, {@code <context>/aegis-webhook}: the one path Stapler
   * would answer with a redirect to add the slash (302, which GitHub does not follow) instead of routing it.
   *
   * @param contextPath the servlet context path ({@code ""} or {@code /jenkins})
   * @param requestUri the request URI, as sent (not decoded)
   */
  public static boolean isGitHubWithoutSlash(String contextPath, String requestUri) {
    if (requestUri == null) {
      return false;
    }
    String context = contextPath == null ? "" : contextPath;
    return requestUri.startsWith(context) && requestUri.substring(context.length()).equals("/" + URL_NAME);
  }
}
