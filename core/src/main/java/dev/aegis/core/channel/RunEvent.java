package dev.aegis.core.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Something that happened to a run, as the optional channels (Telegram, Slack, email, webhooks) are told
 * it. The tracker's status comment stays the record; an event is a short copy of it. Texts are plain prose
 * (never secrets: {@link Channels} redacts every event before a channel sees it); a field that does not
 * apply to the kind is empty, never null.
 *
 * @param kind what happened
 * @param runId the run's id
 * @param issue the issue as people write it ({@code #42}, {@code ENG-7})
 * @param issueUrl the issue's web address
 * @param title the issue's title
 * @param summary the bug in a sentence (planned)
 * @param why the root cause (planned)
 * @param fix the proposed fix (planned)
 * @param risk the fix's risk: low, medium, high (planned)
 * @param link the pull request's address (pr_opened)
 * @param reason why the run is blocked (blocked)
 * @param by who approved or stopped the run (approved, stopped)
 * @param checkpoint where the run stood when this happened; with run id and kind it names the event
 * @param at when it happened
 */
public record RunEvent(
    Kind kind, String runId, String issue, String issueUrl, String title, String summary, String why, String fix,
    String risk, String link, String reason, String by, String checkpoint, Instant at) {

  /** The kinds of event, by their wire names. */
  public enum Kind {
    CLAIMED, PLANNED, APPROVED, PR_OPENED, BLOCKED, STOPPED;

    /** The event's name on the wire: {@code run.planned}, {@code run.pr_opened}, ... */
    public String wire() {
      return "run." + name().toLowerCase(Locale.ROOT);
    }
  }

  public RunEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(at, "at");
    issueUrl = Objects.requireNonNullElse(issueUrl, "");
    title = Objects.requireNonNullElse(title, "");
    summary = Objects.requireNonNullElse(summary, "");
    why = Objects.requireNonNullElse(why, "");
    fix = Objects.requireNonNullElse(fix, "");
    risk = Objects.requireNonNullElse(risk, "");
    link = Objects.requireNonNullElse(link, "");
    reason = Objects.requireNonNullElse(reason, "");
    by = Objects.requireNonNullElse(by, "");
    checkpoint = Objects.requireNonNullElse(checkpoint, "");
  }

  /** An event with only its identity set; the {@code with*} methods add the kind's details. */
  public static RunEvent of(Kind kind, String runId, String issue, String issueUrl, String title, String checkpoint,
      Instant at) {
    return new RunEvent(kind, runId, issue, issueUrl, title, "", "", "", "", "", "", "", checkpoint, at);
  }

  /** This event with a plan's summary, root cause, fix and risk. */
  public RunEvent withPlan(String summary, String why, String fix, String risk) {
    return new RunEvent(kind, runId, issue, issueUrl, title, summary, why, fix, risk, link, reason, by, checkpoint, at);
  }

  public RunEvent withLink(String link) {
    return new RunEvent(kind, runId, issue, issueUrl, title, summary, why, fix, risk, link, reason, by, checkpoint, at);
  }

  public RunEvent withReason(String reason) {
    return new RunEvent(kind, runId, issue, issueUrl, title, summary, why, fix, risk, link, reason, by, checkpoint, at);
  }

  public RunEvent withBy(String by) {
    return new RunEvent(kind, runId, issue, issueUrl, title, summary, why, fix, risk, link, reason, by, checkpoint, at);
  }

  /**
   * The event's delivery id: the same for the same event of the same run at the same checkpoint, whichever
   * job sends it, so a receiver can drop a repeat. 32 hex characters.
   */
  public String deliveryId() {
    String key = issue + "\n" + runId + "\n" + kind.wire() + "\n" + checkpoint;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** This event with every text passed through {@code clean} (redaction). */
  public RunEvent redacted(UnaryOperator<String> clean) {
    return new RunEvent(kind, runId, clean.apply(issue), clean.apply(issueUrl), clean.apply(title),
        clean.apply(summary), clean.apply(why), clean.apply(fix), clean.apply(risk), clean.apply(link),
        clean.apply(reason), clean.apply(by), checkpoint, at);
  }
}
