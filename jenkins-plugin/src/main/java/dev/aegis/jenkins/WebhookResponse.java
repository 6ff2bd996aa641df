package dev.aegis.jenkins;

/**
 * The endpoint's answer.
 *
 * @param status HTTP status
 * @param message plain-text body (one line)
 */
public record WebhookResponse(int status, String message) {}
