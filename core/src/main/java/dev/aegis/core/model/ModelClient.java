package dev.aegis.core.model;

/**
 * Sends a conversation with tools to a model and returns its reply. Implementations are stateless between
 * calls (the whole conversation travels in every request) and safe to call from one thread at a time.
 * Build one with {@link ModelClients#create(String, ModelSettings)}.
 */
public interface ModelClient {

  /**
   * Sends one request, retrying rate limits, server errors and timeouts as the client's
   * {@link RetryPolicy} allows.
   *
   * @throws ModelException when the provider refuses the call or keeps failing; never for a malformed tool
   *     call, which comes back as a {@link ToolCall} with the raw arguments
   */
  ModelReply send(ModelRequest request);

  /** The {@code provider/model} this client talks to, for prices and logs. */
  String model();
}
