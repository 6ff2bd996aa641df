package dev.aegis.core.tracker.github;

import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.tracker.Author;
import dev.aegis.core.tracker.IdentityException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who Aegis is on GitHub. Aegis recognises its own status comments by their author, so this must be right
 * before anything is written:
 *
 * <ul>
 *   <li>Until {@link #learn()} is called (maintainer tools reading Aegis's comments with their own token), the
 *       identity is the configured {@code github.login}, else {@code github-actions[bot]}.
 *   <li>{@link #learn()} asks GitHub ({@code GET /user}). A personal access token gets its user: that is the
 *       identity, and a configured login that disagrees is an error. An installation token (the workflow's
 *       {@code GITHUB_TOKEN}, a GitHub App) gets 403, so the identity stays the configured or default login,
 *       <em>assumed</em>.
 *   <li>Every comment Aegis then writes is checked against it ({@link #check}): GitHub names the author of
 *       each comment it creates, so an assumed identity that was wrong (a GitHub App whose bot is
 *       {@code my-app[bot]}) is caught at the first write, which is undone, before anything else is written.
 * </ul>
 *
 * <p>The guess written down: a 403 on {@code GET /user} without a rate-limit wait means an installation token.
 * Should GitHub ever answer something else to them, {@link #check} still catches the wrong identity at the
 * first comment.
 */
final class GitHubIdentity {
  private final String configured;
  private final Supplier<Optional<Author>> tokenUser;
  private volatile Author learned;
  private volatile boolean assumed;

  /**
   * @param configured {@code github.login}, or null/blank when not configured
   * @param tokenUser asks GitHub who the token is ({@code GET /user}); empty for installation tokens
   */
  GitHubIdentity(String configured, Supplier<Optional<Author>> tokenUser) {
    this.configured = configured == null || configured.isBlank() ? null : configured.trim();
    this.tokenUser = tokenUser;
  }

  /** The identity: learned when {@link #learn()} ran, else configured, else {@code github-actions[bot]}. */
  Author self() {
    Author a = learned;
    return a != null ? a : Mapping.author(fallback(), null);
  }

  synchronized Author learn() {
    if (learned != null) {
      return learned;
    }
    Optional<Author> user = tokenUser.get();
    if (user.isPresent()) {
      String login = user.get().login();
      if (configured != null && !configured.equalsIgnoreCase(login)) {
        throw new IdentityException(ConfigKeys.GITHUB_LOGIN + " is '" + configured + "', but GitHub says the token "
            + "acts as '" + login + "' (GET /user). Aegis recognises its own comments by their author, so these must "
            + "agree: remove " + ConfigKeys.GITHUB_LOGIN + " (Aegis then uses '" + login + "'), or give Aegis the "
            + "token of '" + configured + "'. Nothing was written.");
      }
      learned = user.get();
      assumed = false;
    } else {
      learned = Mapping.author(fallback(), null);
      assumed = true;
    }
    return learned;
  }

  /**
   * Checks that a comment GitHub just created is authored by the identity; otherwise runs {@code undo} (deletes
   * it) and throws. Does nothing until {@link #learn()} ran.
   */
  void check(String author, Runnable undo) {
    Author self = learned;
    if (self == null || self.login().equalsIgnoreCase(author)) {
      return;
    }
    String undone;
    try {
      undo.run();
      undone = "The comment was deleted again; nothing else was written.";
    } catch (RuntimeException e) {
      undone = "Deleting that comment failed too (" + e.getMessage() + "): delete it by hand.";
    }
    String why = assumed
        ? "Aegis took itself for '" + self.login() + "' ("
            + (configured != null ? ConfigKeys.GITHUB_LOGIN : "the default for the Actions GITHUB_TOKEN, as GitHub does "
                + "not tell an installation token who it is") + ")"
        : "GitHub said the token acts as '" + self.login() + "'";
    throw new IdentityException("GitHub wrote Aegis's comment as '" + author + "', but " + why + ". Set "
        + ConfigKeys.GITHUB_LOGIN + ": " + author + " in .aegis/config.yml (or AEGIS_GITHUB_LOGIN) so Aegis knows "
        + "its own comments. " + undone);
  }

  private String fallback() {
    return configured != null ? configured : GitHubSettings.ACTIONS_LOGIN;
  }
}
