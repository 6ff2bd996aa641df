package dev.aegis.jenkins;

import dev.aegis.core.tracker.linear.LinearWebhooks;
import hudson.Extension;
import hudson.model.PeriodicWork;
import hudson.model.UnprotectedRootAction;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Webhook deliveries, each verified with its own configured secret before anything else, then handed to the core
 * off the request thread. Two paths, one per sender, so each has its own secret and its own signature scheme and a
 * delivery is never read with the other's rules:
 *
 * <ul>
 *   <li>{@code POST <jenkins>/aegis-webhook/}: GitHub ({@code X-Hub-Signature-256}, {@link WebhookHandler}), to
 *       the core's {@code event} command ({@link CoreEventDispatcher});
 *   <li>{@code POST <jenkins>/aegis-webhook/linear}: Linear ({@code Linear-Signature} and the signed timestamp,
 *       {@link LinearWebhookHandler}), to the core's {@code linear-event} command ({@link LinearEventDispatcher}).
 * </ul>
 *
 * Unprotected (neither sender can log in) and excluded from CSRF crumbs by {@link AegisWebhookCrumbExclusion} for
 * exactly these paths; the signatures are the authentication.
 *
 * <p>{@code POST <jenkins>/aegis-webhook} (no trailing slash) is the GitHub endpoint too. Stapler routes a URL that
 * ends at an object by first redirecting it to add the slash (its {@code DirectoryishDispatcher}, 302), and GitHub
 * does not follow redirects. But Stapler asks a {@link StaplerProxy} for its target before any routing, and renders an
 * {@link HttpResponse} thrown from there ({@code Stapler.tryInvoke}, {@code Function.renderResponse}), so
 * {@link #getTarget()} serves that one path itself. Read in Stapler's sources, not run here: if a Stapler stopped
 * rendering it, that path alone would fail with a 500 and a stack trace in the Jenkins log, and
 * {@code /aegis-webhook/} would keep working.
 */
@Extension
public final class AegisWebhook implements UnprotectedRootAction, StaplerProxy {

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

  /** Serves {@code /aegis-webhook} (no slash) as the GitHub endpoint; every other path routes as usual. */
  @Override
  public Object getTarget() {
    return targetFor(Stapler.getCurrentRequest2());
  }

  /**
   * @param request the request being routed, or null outside one
   * @return this action, for Stapler to route the rest of the path
   * @throws DirectResponse for the GitHub endpoint without its slash, which Stapler renders at once
   */
  Object targetFor(HttpServletRequest request) {
    if (request != null && WebhookPaths.isGitHubWithoutSlash(request.getContextPath(), request.getRequestURI())) {
      throw new DirectResponse(this::doIndex);
    }
    return this;
  }

  /** Stapler entry point for {@code /aegis-webhook/}: GitHub. */
  public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Optional<WebhookRequest> request = request(req, rsp, Sender.GITHUB);
    if (request.isEmpty()) {
      return;
    }
    respond(
        rsp,
        new WebhookHandler(dispatcher()).handle(request.get(), secret(settings().webhookSecretCredentialsId())));
  }

  /** Stapler entry point for {@code /aegis-webhook/linear}: Linear. */
  public void doLinear(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    Optional<WebhookRequest> read = request(req, rsp, Sender.LINEAR);
    if (read.isEmpty()) {
      return;
    }
    WebhookRequest request = read.get();
    Optional<String> secret = secret(settings().linearWebhookSecretCredentialsId());
    respond(
        rsp,
        PluginClassLoader.call(
            () -> new LinearWebhookHandler(linearDispatcher(), Clock.systemUTC()).handle(request, secret)));
  }

  /** A response thrown from {@link #getTarget()}: Stapler renders it in place of routing the URL. */
  static final class DirectResponse extends RuntimeException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    private final transient Endpoint endpoint;

    DirectResponse(Endpoint endpoint) {
      super("served by the Aegis webhook", null, false, false);
      this.endpoint = endpoint;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
      endpoint.serve(req, rsp);
    }
  }

  /** A webhook endpoint: one of this action's {@code do} methods. */
  @FunctionalInterface
  interface Endpoint {
    void serve(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException;
  }

  /** The headers a sender names its event, its delivery id and its signature in. */
  private record Sender(String event, String delivery, String signature) {
    static final Sender GITHUB = new Sender("X-GitHub-Event", "X-GitHub-Delivery", WebhookSignature.HEADER);
    static final Sender LINEAR = new Sender("Linear-Event", "Linear-Delivery", LinearWebhooks.SIGNATURE_HEADER);
  }

  /** The delivery as {@code sender} labels it; empty after answering 413 when its body is too large. */
  private static Optional<WebhookRequest> request(StaplerRequest2 req, StaplerResponse2 rsp, Sender sender)
      throws IOException {
    return body(req, rsp)
        .map(body -> new WebhookRequest(req.getMethod(), req.getHeader(sender.event()),
            req.getHeader(sender.delivery()), req.getHeader(sender.signature()), body));
  }

  /** The raw body of a POST (empty for other methods); empty after answering 413 when it is too large. */
  private static Optional<byte[]> body(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
    if (!"POST".equalsIgnoreCase(req.getMethod())) {
      return Optional.of(new byte[0]);
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(WebhookHandler.MAX_BODY_BYTES + 1);
    }
    if (body.length > WebhookHandler.MAX_BODY_BYTES) {
      respond(rsp, new WebhookResponse(413, "payload too large"));
      return Optional.empty();
    }
    return Optional.of(body);
  }

  private static AegisSettings settings() {
    return AegisGlobalConfiguration.currentSettings();
  }

  private static Optional<String> secret(String credentialsId) {
    return credentialsId == null ? Optional.empty() : new ControllerSecrets().secretText(credentialsId);
  }

  /** The controller's event dispatcher, which shares the scan's record of started work. */
  private static WebhookDispatcher dispatcher() {
    AegisScan scan = scan();
    return scan != null ? scan.webhookDispatcher() : event -> starting();
  }

  /** The controller's Linear dispatcher, which shares the scan's record of started work. */
  private static LinearDispatcher linearDispatcher() {
    AegisScan scan = scan();
    return scan != null ? scan.linearDispatcher() : delivery -> starting();
  }

  private static AegisScan scan() {
    for (PeriodicWork work : PeriodicWork.all()) {
      if (work instanceof AegisScan scan) {
        return scan;
      }
    }
    return null;
  }

  private static WebhookDispatcher.Dispatch starting() {
    return new WebhookDispatcher.Dispatch(false, "Aegis is starting up: the next scan picks this up");
  }

  private static void respond(StaplerResponse2 rsp, WebhookResponse response) throws IOException {
    rsp.setStatus(response.status());
    rsp.setContentType("text/plain;charset=UTF-8");
    PrintWriter writer = rsp.getWriter();
    writer.println(response.message());
    writer.flush();
  }
}
