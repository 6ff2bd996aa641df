package dev.aegis.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Folds one provider's streamed events into the JSON document its non-streamed reply would have been, so
 * the client's one parser reads both, and a server that ignores {@code "stream": true} and answers plain
 * JSON still works. One instance per attempt.
 */
interface ReplyStream {
  /**
   * Takes one event ({@code name} from the {@code event:} field, {@code message} when absent; {@code data}
   * parsed, or a text node when it is not JSON, such as Chat's {@code [DONE]}).
   *
   * @return false once the reply is complete
   * @throws Failed for an error the provider sent inside the stream
   */
  boolean accept(String name, JsonNode data);

  /** The assembled reply, or null while the stream has not completed it. */
  JsonNode reply();

  /**
   * An error event inside a stream that began 200, with the HTTP status it stands for (so it is retried
   * or not as the same error would be before the stream began).
   */
  final class Failed extends RuntimeException {
    private final int status;

    Failed(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
