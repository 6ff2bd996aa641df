package dev.aegis.testkit.github;

/**
 * What the fake holds for an issue comment, for assertions.
 *
 * @param id comment id
 * @param issue number of the issue it belongs to
 * @param author login of the author
 * @param body body
 */
public record FakeComment(long id, int issue, String author, String body) {}
