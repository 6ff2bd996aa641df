package dev.aegis.core.run;

import java.util.Objects;

/**
 * A run's status comment on the tracker: its id and the state its hidden block carries.
 *
 * @param commentId tracker id of the comment
 * @param state the state read from (or written to) its block
 * @param text the human part of the comment (everything before the block)
 */
public record StatusComment(String commentId, RunState state, String text) {
  public StatusComment {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(state, "state");
    text = Objects.requireNonNullElse(text, "");
  }
}
