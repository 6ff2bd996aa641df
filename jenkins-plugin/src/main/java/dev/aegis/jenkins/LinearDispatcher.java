package dev.aegis.jenkins;

/**
 * Receives verified Linear deliveries. The plugin's is {@link LinearEventDispatcher}, which hands them to the
 * core's {@code linear-event} command off the request thread.
 */
@FunctionalInterface
public interface LinearDispatcher {

  /**
   * Handles one delivery quickly (Linear waits for the answer a few seconds); tracker calls belong on another
   * thread and agent work in a build.
   *
   * @return the answer for Linear's delivery log
   */
  WebhookDispatcher.Dispatch dispatch(LinearDelivery delivery);
}
