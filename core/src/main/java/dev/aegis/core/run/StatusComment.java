package dev.aegis.core.run;

import java.util.Objects;

/**
 * A run's status comment on the tracker: its id and the state its hidden block carries.
 *
 * @param commentId tracker id of the comment
 * @param state the state read from (or written to) its block
 */
public record StatusComment(String commentId, RunState state) {
  public StatusComment {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(state, "state");
  }
}
