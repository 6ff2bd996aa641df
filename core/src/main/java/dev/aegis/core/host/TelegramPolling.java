package dev.aegis.core.host;

import dev.aegis.core.channel.ChannelCommand;
import dev.aegis.core.channel.ChannelException;
import dev.aegis.core.channel.TelegramInbox;
import dev.aegis.core.flow.FlowResult;
import dev.aegis.core.flow.RunFlow;
import dev.aegis.core.run.RunLedger;
import dev.aegis.core.tracker.Issue;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scheduled pass's Telegram step: reads the commands sent to the bot since the last pass ({@link
 * TelegramInbox}), finds the issue holding each command's run on the connected trackers, hands the command to
 * that issue's flow (the same handling as an issue comment), answers in the chat, and confirms the updates. A
 * Telegram that cannot be read is one warning; the pass goes on.
 */
final class TelegramPolling {
  private static final List<Phase> HELD = List.of(Phase.AWAITING_APPROVAL, Phase.IN_PROGRESS, Phase.BLOCKED,
      Phase.PR_OPENED);

  private final TelegramInbox inbox;
  private final List<Tracker> trackers;
  private final Function<Tracker, RunFlow> flows;
  private final HostLog log;

  TelegramPolling(TelegramInbox inbox, List<Tracker> trackers, Function<Tracker, RunFlow> flows, HostLog log) {
    this.inbox = inbox;
    this.trackers = List.copyOf(trackers);
    this.flows = flows;
    this.log = log;
  }

  List<FlowResult> poll() {
    TelegramInbox.Read read;
    try {
      read = inbox.read();
    } catch (ChannelException e) {
      log.warn("Telegram commands could not be read: " + e.getMessage() + ". Commands on the issues still work.");
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
    read.refusals().forEach(r -> log.line("Telegram: refused a command (" + r + ")"));
    List<FlowResult> out = new ArrayList<>();
    long confirmUpTo = read.lastUpdateId();
    for (ChannelCommand c : read.commands()) {
      Optional<Target> target = find(c.command().runId());
      if (target.isEmpty()) {
        answer(c, "There is no Aegis run " + c.command().runId() + " waiting for a command. Nothing was changed.");
        continue;
      }
      FlowResult r;
      try {
        r = flows.apply(target.get().tracker()).channelCommand(target.get().issue().key(), c);
      } catch (RuntimeException e) {
        log.warn("Telegram command " + c.command().verb().word() + " " + c.command().runId() + " failed (" + e
            + "); the next scheduled run tries it again");
        // neither it nor what came after it is confirmed: a later pass reads them again, in order, and the
        // run's state skips those already carried out
        confirmUpTo = Math.min(confirmUpTo, updateId(c) - 1);
        break;
      }
      answer(c, text(c, r));
      if (r.status() != FlowResult.Status.NOTHING_TO_DO || !r.detail().equals("command already handled")) {
        out.add(r);
      }
    }
    try {
      inbox.confirm(confirmUpTo);
    } catch (ChannelException e) {
      log.warn("Telegram updates could not be confirmed (" + e.getMessage() + "); the next pass reads them again and"
          + " finds them handled.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  private static long updateId(ChannelCommand c) {
    return Long.parseLong(c.id().substring(c.id().indexOf(':') + 1));
  }

  private static String text(ChannelCommand c, FlowResult r) {
    return switch (r.status()) {
      case REFUSED -> "Sorry, " + r.detail() + ". Nothing was changed.";
      case NOTHING_TO_DO -> "Run " + c.command().runId() + ": " + r.detail() + ".";
      default -> "Run " + c.command().runId() + ": " + c.command().verb().word() + " recorded on the issue ("
          + r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ").";
    };
  }

  private void answer(ChannelCommand c, String text) {
    String failed = inbox.reply(c.replyTo(), text);
    if (!failed.isEmpty()) {
      log.warn("Telegram: the answer to a command could not be sent: " + failed);
    }
  }

  private record Target(Tracker tracker, Issue issue) {}

  private Optional<Target> find(String runId) {
    for (Tracker tracker : trackers) {
      RunLedger ledger = new RunLedger(tracker);
      for (Phase phase : HELD) {
        for (Issue issue : tracker.issuesIn(phase)) {
          if (RunLedger.findIn(ledger.runs(issue.key()), runId).isPresent()) {
            return Optional.of(new Target(tracker, issue));
          }
        }
      }
    }
    return Optional.empty();
  }
}
