package dev.aegis.core.agent;

import dev.aegis.core.model.ModelException;
import java.util.Objects;

/**
 * Why a run stopped. Every way a run can end is one of these; {@link #outcome()} turns it into the run's
 * outcome, in this one place.
 *
 * @param reason the typed reason
 * @param budget which budget ran out, for {@link Reason#BUDGET_EXCEEDED}; null otherwise
 * @param modelError the model failure kind, for {@link Reason#MODEL_ERROR}; null otherwise
 * @param detail one plain-English sentence, safe to show (no secrets)
 */
public record Stop(Reason reason, Budget.Kind budget, ModelException.Kind modelError, String detail) {

  /** The typed reasons. */
  public enum Reason {
    /** The model called {@code finish} with a valid report. */
    FINISHED,
    /** A budget ran out; see {@link Stop#budget()}. */
    BUDGET_EXCEEDED,
    /** The conversation outgrew the model's context window. */
    CONTEXT_TOO_LARGE,
    /** The model kept trying what the policy refuses. */
    POLICY_DENIED,
    /** The model API failed for good; see {@link Stop#modelError()}. */
    MODEL_ERROR,
    /** The model stopped calling tools without calling {@code finish}. */
    NO_FINISH,
    /**
     * The external coding agent (ACP) failed: it could not start, crashed, stopped answering, wrote something that
     * is not ACP, or speaks a protocol version Aegis does not.
     */
    AGENT_FAILED,
    /** Aegis itself failed (a bug, or the records could not be written). */
    INTERNAL_ERROR
  }

  /** The outcome of a run, for hosts to map to labels, comments and exit codes. */
  public enum Outcome {
    /** A report is ready. */
    FINISHED,
    /** The run could not finish; the issue should be marked blocked with {@link Stop#detail()}. */
    BLOCKED,
    /** The model key was refused. */
    AUTH_ERROR,
    /** The model is misconfigured (unknown provider or model, missing key or base URL). */
    CONFIG_ERROR,
    /** The model API kept failing. */
    REMOTE_ERROR,
    /** A bug in Aegis. */
    INTERNAL_ERROR
  }

  public Stop {
    Objects.requireNonNull(reason, "reason");
    detail = Objects.requireNonNullElse(detail, "");
    if ((reason == Reason.BUDGET_EXCEEDED) != (budget != null)) {
      throw new IllegalArgumentException("budget is set exactly for BUDGET_EXCEEDED");
    }
    if ((reason == Reason.MODEL_ERROR) != (modelError != null)) {
      throw new IllegalArgumentException("modelError is set exactly for MODEL_ERROR");
    }
  }

  public static Stop finished() {
    return new Stop(Reason.FINISHED, null, null, "finished with a report");
  }

  public static Stop budget(Budget.Kind kind, String detail) {
    return new Stop(Reason.BUDGET_EXCEEDED, Objects.requireNonNull(kind, "kind"), null, detail);
  }

  public static Stop of(Reason reason, String detail) {
    return new Stop(reason, null, null, detail);
  }

  public static Stop model(ModelException e) {
    if (e.kind() == ModelException.Kind.CONTEXT_TOO_LARGE) {
      return of(Reason.CONTEXT_TOO_LARGE, e.getMessage());
    }
    return new Stop(Reason.MODEL_ERROR, null, e.kind(), e.getMessage());
  }

  /** The one mapping from stop to outcome. */
  public Outcome outcome() {
    return switch (reason) {
      case FINISHED -> Outcome.FINISHED;
      case BUDGET_EXCEEDED, CONTEXT_TOO_LARGE, POLICY_DENIED, NO_FINISH, AGENT_FAILED -> Outcome.BLOCKED;
      case INTERNAL_ERROR -> Outcome.INTERNAL_ERROR;
      case MODEL_ERROR -> switch (modelError) {
        case AUTH -> Outcome.AUTH_ERROR;
        case CONFIG, BAD_REQUEST -> Outcome.CONFIG_ERROR;
        default -> Outcome.REMOTE_ERROR;
      };
    };
  }

  /** A plain-English line: what stopped the run and what to do. */
  public String explain() {
    return switch (reason) {
      case FINISHED -> "The agent finished with a report.";
      case BUDGET_EXCEEDED -> "The run hit its " + budget.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + " budget (" + detail + "). Raise the budget or narrow the task.";
      case CONTEXT_TOO_LARGE -> "The conversation grew past the model's context window. Narrow the task or use a "
          + "model with a larger window.";
      case POLICY_DENIED -> "The agent kept trying actions the policy refuses (" + detail + ").";
      case NO_FINISH -> "The agent stopped without calling finish (" + detail + ").";
      case MODEL_ERROR -> "The model call failed: " + detail;
      case AGENT_FAILED -> "The coding agent failed: " + detail;
      case INTERNAL_ERROR -> "Aegis failed: " + detail;
    };
  }
}
