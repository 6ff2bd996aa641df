package dev.aegis.jenkins;

/**
 * Receives verified webhook events. The plugin's is {@link CoreEventDispatcher}, which hands them to the
 * core's {@code event} command (the dispatch the GitHub Action uses, without running the agent).
 */
@FunctionalInterface
public interface WebhookDispatcher {

  /**
   * Handles one event quickly (the HTTP request waits for it); tracker calls belong on another thread and
   * agent work in a build.
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
