package dev.aegis.jenkins;

import java.util.Set;

/**
 * The default {@link WebhookDispatcher}: events that can carry new work (an issue labelled or edited, a
 * comment such as {@code /aegis proceed}) make the periodic scan run at its next tick instead of waiting for
 * the period. Pause and configuration still apply; the scan does the rest.
 */
public final class ScanRequestingDispatcher implements WebhookDispatcher {
  static final Set<String> WORK_EVENTS =
      Set.of("issues", "issue_comment", "pull_request_review", "pull_request_review_comment");

  private final Runnable requestScan;

  public ScanRequestingDispatcher(Runnable requestScan) {
    this.requestScan = requestScan;
  }

  @Override
  public Dispatch dispatch(WebhookEvent event) {
    if (!WORK_EVENTS.contains(event.event())) {
      return new Dispatch(false, "ignored event '" + event.event() + "'");
    }
    requestScan.run();
    return new Dispatch(true, "scan requested");
  }
}
