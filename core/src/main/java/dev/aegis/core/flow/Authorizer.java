package dev.aegis.core.flow;

import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.Tracker;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Who may command Aegis: people in the configured approvers list, and people whose repository permission is
 * write, maintain or admin (asked of the tracker once per person per flow).
 */
final class Authorizer {
  private final Tracker tracker;
  private final List<String> approvers;
  private final Map<String, Boolean> cache = new HashMap<>();

  Authorizer(Tracker tracker, List<String> approvers) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.approvers = approvers.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
  }

  boolean mayCommand(IssueKey issue, String login) {
    String who = login.toLowerCase(Locale.ROOT);
    if (approvers.contains(who)) {
      return true;
    }
    return cache.computeIfAbsent(who, w -> tracker.permission(issue, login).mayCommand());
  }
}
