package dev.aegis.jenkins;

import hudson.Extension;
import hudson.model.PeriodicWork;
import hudson.model.UnprotectedRootAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code POST <jenkins>/aegis-webhook/}: GitHub webhook deliveries, verified with the configured secret
 * before anything else ({@link WebhookHandler}), then handed to the core's {@code event} command off the
 * request thread ({@link CoreEventDispatcher}). Unprotected (GitHub cannot log in) and excluded from CSRF
 * crumbs by {@link AegisWebhookCrumbExclusion}; the signature is the authentication.
 */
@Extension
public final class AegisWebhook implements UnprotectedRootAction {

  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return null;
  }

  @Override
  public String getUrlName() {
    return WebhookPaths.URL_NAME;
  }

  /** Stapler entry point for {@code /aegis-webhook/}. */
  public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    byte[] body = new byte[0];
    if ("POST".equalsIgnoreCase(req.getMethod())) {
      try (InputStream in = req.getInputStream()) {
        body = in.readNBytes(WebhookHandler.MAX_BODY_BYTES + 1);
      }
      if (body.length > WebhookHandler.MAX_BODY_BYTES) {
        respond(rsp, new WebhookResponse(413, "payload too large"));
        return;
      }
    }
    WebhookRequest request =
        new WebhookRequest(
            req.getMethod(),
            req.getHeader("X-GitHub-Event"),
            req.getHeader("X-GitHub-Delivery"),
            req.getHeader(WebhookSignature.HEADER),
            body);
    respond(rsp, new WebhookHandler(dispatcher()).handle(request, secret()));
  }

  private static Optional<String> secret() {
    String id = AegisGlobalConfiguration.currentSettings().webhookSecretCredentialsId();
    return id == null ? Optional.empty() : new ControllerSecrets().secretText(id);
  }

  /** The controller's event dispatcher, which shares the scan's record of started work. */
  private static WebhookDispatcher dispatcher() {
    for (PeriodicWork work : PeriodicWork.all()) {
      if (work instanceof AegisScan scan) {
        return scan.webhookDispatcher();
      }
    }
    return event -> new WebhookDispatcher.Dispatch(false, "Aegis is starting up: the next scan picks this up");
  }

  private static void respond(StaplerResponse2 rsp, WebhookResponse response) throws IOException {
    rsp.setStatus(response.status());
    rsp.setContentType("text/plain;charset=UTF-8");
    PrintWriter writer = rsp.getWriter();
    writer.println(response.message());
    writer.flush();
  }
}
