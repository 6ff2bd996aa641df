package dev.aegis.core.acp;

import com.fasterxml.jackson.databind.JsonNode;

/** What the client does with the agent's requests ({@code fs/*}, {@code session/request_permission}) and notifications. */
public interface AcpHandler {

  /**
   * Answers one request. Called on a worker thread, one request at a time per connection.
   *
   * @return the JSON-RPC result (an object, or null for {@code null})
   * @throws RequestRefused to answer with a JSON-RPC error the agent can read
   */
  JsonNode request(String method, JsonNode params);

  /** Takes one notification ({@code session/update}); called on the reading thread, so it must be quick. */
  void notification(String method, JsonNode params);

  /** A request the client refuses; becomes a JSON-RPC error response. */
  final class RequestRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** JSON-RPC: the method does not exist. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** JSON-RPC: invalid parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC: an error inside the client. */
    public static final int INTERNAL = -32603;
    /** ACP: a resource (file) was not found. */
    public static final int NOT_FOUND = -32002;

    private final int code;

    public RequestRefused(int code, String message) {
      super(message);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }
}
