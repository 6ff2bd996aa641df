package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code POST /aegis-webhook} without its trailing slash. Stapler answers a URL that ends at an object with a 302
 * adding the slash before routing it further (GitHub does not follow it), except that it asks a {@code StaplerProxy}
 * for its target first and renders an {@link HttpResponse} thrown from there: the action serves that path itself.
 */
class AegisWebhookRoutingTest {
  private final AegisWebhook webhook = new AegisWebhook();

  @Test
  void theGitHubPathWithoutItsSlashIsServedInsteadOfRedirected() {
    for (Map.Entry<String, String> request : Map.of("", "/aegis-webhook", "/jenkins", "/jenkins/aegis-webhook").entrySet()) {
      assertThatThrownBy(() -> webhook.targetFor(request(request.getKey(), request.getValue())))
          .as(request.getValue())
          .isInstanceOf(AegisWebhook.DirectResponse.class)
          .isInstanceOf(HttpResponse.class)
          .isInstanceOf(RuntimeException.class)
          .satisfies(thrown -> assertThat(thrown.getStackTrace()).as("a response, not an error").isEmpty());
    }
  }

  @Test
  void everyOtherPathIsRoutedByStaplerAsBefore() {
    for (String uri : List.of("/aegis-webhook/", "/aegis-webhook/linear", "/aegis-webhook/linear/")) {
      assertThat(webhook.targetFor(request("", uri))).as(uri).isSameAs(webhook);
    }
    assertThat(webhook.targetFor(request("/jenkins", "/aegis-webhook"))).as("another context's path").isSameAs(webhook);
    assertThat(webhook.targetFor(null)).as("outside a request").isSameAs(webhook);
  }

  @Test
  void theDirectResponseServesTheEndpointWithStaplersRequestAndResponse() throws Exception {
    List<Object> served = new ArrayList<>();
    StaplerRequest2 req = fake(StaplerRequest2.class);
    StaplerResponse2 rsp = fake(StaplerResponse2.class);

    new AegisWebhook.DirectResponse((r, s) -> {
      served.add(r);
      served.add(s);
    }).generateResponse(req, rsp, webhook);

    assertThat(served).containsExactly(req, rsp);
  }

  @Test
  void theSlashlessPathIsAlsoExemptFromCrumbs() {
    assertThat(WebhookPaths.isWebhook("/aegis-webhook")).isTrue();
  }

  /** A request that answers only what routing reads. */
  private static HttpServletRequest request(String contextPath, String requestUri) {
    return (HttpServletRequest) Proxy.newProxyInstance(
        AegisWebhookRoutingTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getContextPath" -> contextPath;
          case "getRequestURI" -> requestUri;
          case "getMethod" -> "POST";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static <T> T fake(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(AegisWebhookRoutingTest.class.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> type.getSimpleName();
          default -> throw new UnsupportedOperationException(method.getName());
        }));
  }
}
