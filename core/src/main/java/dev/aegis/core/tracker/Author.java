package dev.aegis.core.tracker;

import java.util.Objects;

/**
 * Who wrote an issue or comment.
 *
 * @param login the account name (GitHub login, Linear user id or email), never null
 * @param bot true when the tracker marks the account as a bot or app
 */
public record Author(String login, boolean bot) {
  public Author {
    Objects.requireNonNull(login, "login");
  }

  public static Author human(String login) {
    return new Author(login, false);
  }
}
