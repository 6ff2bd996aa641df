package dev.aegis.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.json.Mappers;
import java.util.Map;

/**
 * What the provider clients share: the endpoint they send to (its key stays inside), one JSON mapper, and the
 * {@link JsonHttp} that posts with retries and names the key variable in errors. Each provider writes its own
 * request body and reads its own reply.
 */
abstract sealed class HttpModelClient implements ModelClient
    permits AnthropicClient, OpenAiChatClient, OpenAiResponsesClient {
  final ModelClients.Endpoint endpoint;
  final ObjectMapper json = Mappers.JSON;
  final JsonHttp http;

  HttpModelClient(ModelClients.Endpoint endpoint, ModelSettings settings) {
    this.endpoint = endpoint;
    this.http = new JsonHttp(settings, json, endpoint.baseUrl(), endpoint.keyName(), endpoint.key());
  }

  @Override
  public final String model() {
    return endpoint.id();
  }

  /** {@code Authorization: Bearer <key>} as the OpenAI APIs take it; no header for a keyless local server. */
  final Map<String, String> bearer() {
    return endpoint.key().isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + endpoint.key());
  }
}
