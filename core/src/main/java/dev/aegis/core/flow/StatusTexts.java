package dev.aegis.core.flow;

import dev.aegis.core.agent.PlanReport;
import dev.aegis.core.agent.ReportMarkdown;
import dev.aegis.core.run.RunState;
import dev.aegis.core.run.Templates;
import java.util.List;
import java.util.Map;

/** The human part of a run's status comment in each phase (templates under {@code run/templates}). */
final class StatusTexts {
  /** Who may command Aegis from Linear, which has no repository permissions. */
  private static final String LINEAR_COMMANDERS = "people on Aegis's Linear approvers list (linear.approvers)";

  /** The approval id of a plan that auto mode approved. */
  static final String AUTO_APPROVAL = "auto";

  private StatusTexts() {}

  static String planning(RunState s) {
    return Templates.render("claimed", Map.of("run", s.runId(), "branch", s.branch(), "phase", "investigating"));
  }

  static String rca(RunState s, PlanReport plan, String cost, List<String> approvers) {
    String commanders = "linear".equals(s.issue().tracker()) ? LINEAR_COMMANDERS
        : "people with write access to the repository" + (approvers.isEmpty() ? "" : ", or listed approvers");
    return Templates.render("rca", Map.of(
        "report", planBody(plan),
        "run", s.runId(), "branch", s.branch(), "risk", plan.risk().label(), "cost", cost,
        "commanders", commanders, "isolation", s.fact(Planner.ISOLATION).orElse("unknown")));
  }

  /** The polite refusal of a command from someone who may not command Aegis on this tracker. */
  static String refusal(String trackerKind, String who) {
    return Templates.render("refusal", Map.of("who", who(trackerKind, who), "commanders", "linear".equals(trackerKind)
        ? LINEAR_COMMANDERS
        : "people with write access to this repository (or listed as Aegis approvers)"));
  }

  static String implementing(RunState s, PlanReport plan) {
    return Templates.render("implementing", Map.of(
        "report", plan == null ? "" : "#### The approved plan\n\n" + planBody(plan),
        "run", s.runId(), "branch", s.branch(), "approver", approvedBy(s)));
  }

  static String prOpened(RunState s, PlanReport plan, String pr, String cost, String audit) {
    return Templates.render("pr-opened", Map.of(
        "pr", pr, "report", plan == null ? "" : "#### Root-cause analysis\n\n" + planBody(plan),
        "run", s.runId(), "branch", s.branch(), "cost", cost, "audit", audit));
  }

  static String blocked(RunState s, String reason, String next) {
    return Templates.render("blocked", Map.of(
        "run", s.runId(), "branch", s.branch(), "reason", reason, "next", next));
  }

  /** A run whose job stopped on a tracker failure: what failed, and that a re-run finishes it. */
  static String interrupted(RunState s, String reason) {
    String stage = s.fact(Planner.STAGE).orElse("planning");
    return Templates.render("interrupted", Map.of("run", s.runId(), "branch", s.branch(), "reason", reason,
        "stage", "implementing".equals(stage) ? "while implementing the approved plan" : "while " + stage));
  }

  static String stopped(RunState s, String by, String readyLabel) {
    return Templates.render("stopped", Map.of(
        "run", s.runId(), "by", who(s.issue().tracker(), by), "ready", readyLabel));
  }

  /** The RCA's sections, model prose made safe, without the renderer's own heading. */
  static String planBody(PlanReport plan) {
    String md = ReportMarkdown.plan(PlanCodec.safe(plan)).strip();
    return md.startsWith("### ") ? md.substring(md.indexOf('\n') + 1).strip() : md;
  }

  /**
   * Who approved the run's plan, for people: the approver's name (not pinging them), or auto mode when no
   * human did (a low-risk plan in {@code mode: auto}).
   */
  static String approvedBy(RunState s) {
    return AUTO_APPROVAL.equals(s.fact(Implementer.APPROVAL).orElse(""))
        ? "Aegis's auto mode (a low-risk plan; no human approved it)"
        : who(s.issue().tracker(), s.fact(Implementer.APPROVED_BY).orElse(""));
  }

  /**
   * A person's name that does not ping them. On GitHub that is {@code @login} with a zero-width space after the
   * {@code @}, which reads as the login and mentions nobody. A Linear login is an email (or a user id): written out
   * as it is it reads well, where GitHub's form would read {@code @maya@example.com}. Not checked against a live
   * workspace: that Linear turns no plain address into a mention (its mentions are links to a profile, and an
   * address starts with no {@code @}); at worst it links the address.
   */
  static String who(String trackerKind, String login) {
    if (login == null || login.isBlank()) {
      return "a maintainer";
    }
    if (login.endsWith(dev.aegis.core.channel.ChannelCommand.ON_TELEGRAM)) {
      return login; // a name from a channel, already reduced to plain words: nobody to mention
    }
    return "linear".equals(trackerKind) ? login : "@\u200B" + login;
  }
}
