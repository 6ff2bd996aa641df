package dev.aegis.jenkins;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets GitHub POST to {@code /aegis-webhook/} and Linear to {@code /aegis-webhook/linear} without a CSRF crumb (each
 * delivery is verified by its signature instead); every other path keeps the crumb check.
 */
@Extension
public final class AegisWebhookCrumbExclusion extends CrumbExclusion {

  @Override
  public boolean process(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (WebhookPaths.isWebhook(req.getPathInfo())) {
      chain.doFilter(req, resp);
      return true;
    }
    return false;
  }
}
