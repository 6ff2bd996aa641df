package dev.aegis.core.event;

/** An event payload is malformed or lacks a field Aegis needs. Nothing was written anywhere. */
public final class EventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventException(String message) {
    super(message);
  }

  public EventException(String message, Throwable cause) {
    super(message, cause);
  }
}
