package dev.aegis.jenkins;

/**
 * Receives verified webhook events. The plugin's default ({@link ScanRequestingDispatcher}) makes the
 * periodic scan run at its next tick; a core-backed dispatcher (the same dispatch the GitHub Action uses)
 * can replace it.
 */
@FunctionalInterface
public interface WebhookDispatcher {

  /**
   * Handles one event quickly (the HTTP request waits for it); long work belongs in a build.
   *
   * @return the answer for GitHub's delivery log
   */
  Dispatch dispatch(WebhookEvent event);

  /**
   * @param accepted true when the event leads to work
   * @param message one line for GitHub's delivery log
   */
  record Dispatch(boolean accepted, String message) {}
}
