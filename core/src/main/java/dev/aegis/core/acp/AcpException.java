package dev.aegis.core.acp;

import java.util.Objects;

/**
 * The agent connection failed, or the agent answered a request with a JSON-RPC error. The message is one
 * plain sentence, safe to show once redacted (it may quote what the agent wrote).
 */
public final class AcpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, so callers decide without parsing messages. */
  public enum Kind {
    /** The agent wrote something that is not a JSON-RPC 2.0 message to its standard output. */
    PROTOCOL,
    /** The agent closed its output or exited. */
    CLOSED,
    /** No answer within the time allowed. */
    TIMEOUT,
    /** The agent answered with a JSON-RPC error object; see {@link #code()}. */
    ERROR
  }

  private final Kind kind;
  private final int code;

  public AcpException(Kind kind, String message) {
    this(kind, 0, message);
  }

  public AcpException(Kind kind, int code, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  /** The JSON-RPC error code for {@link Kind#ERROR}, else 0. */
  public int code() {
    return code;
  }
}
