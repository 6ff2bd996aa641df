package dev.aegis.testkit.linear;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The fake workspace: teams, users, workflow states, labels, issues and what hangs off them. All access goes
 * through the {@link FakeLinear} lock, so the store itself is not synchronised.
 */
final class LinearStore {
  final List<TeamNode> teams = new ArrayList<>();
  final List<UserNode> users = new ArrayList<>();
  final List<LabelNode> workspaceLabels = new ArrayList<>();
  final List<IssueNode> issues = new ArrayList<>();
  final List<IssueNode> deleted = new ArrayList<>();
  /** False to play a Linear that does not keep attachment metadata (answers it empty). */
  boolean keepsAttachmentMetadata = true;
  private final Clock clock;
  private Instant last = Instant.EPOCH;
  private long sequence;

  final OrganizationNode organization;

  LinearStore(Clock clock) {
    this.clock = clock;
    this.organization = new OrganizationNode(newId(), tick());
  }

  /** Now, strictly after every earlier timestamp the store handed out, so creation order is total. */
  Instant tick() {
    Instant now = clock.instant();
    last = now.isAfter(last) ? now : last.plusMillis(1);
    return last;
  }

  Instant now() {
    Instant now = clock.instant();
    return now.isAfter(last) ? now : last;
  }

  String newId() {
    return new UUID(0x11EE_0000_4000_0000L, ++sequence | 0x8000_0000_0000_0000L).toString();
  }

  TeamNode team(String idOrKey) {
    return find(teams, t -> t.id.equals(idOrKey) || t.key.equalsIgnoreCase(idOrKey))
        .orElseThrow(() -> LinearApiError.notFound("Team"));
  }

  IssueNode issue(String idOrIdentifier) {
    return find(issues, i -> i.id.equals(idOrIdentifier) || i.identifier().equalsIgnoreCase(idOrIdentifier))
        .orElseThrow(() -> LinearApiError.notFound("Issue"));
  }

  CommentNode comment(String id) {
    return issues.stream()
        .flatMap(i -> i.comments.stream())
        .filter(c -> c.id.equals(id))
        .findFirst()
        .orElseThrow(() -> LinearApiError.notFound("Comment"));
  }

  Optional<UserNode> userByApiKey(String key) {
    return find(users, u -> u.apiKey.equals(key));
  }

  List<StateNode> states() {
    return teams.stream().flatMap(t -> t.states.stream()).toList();
  }

  List<LabelNode> labels() {
    List<LabelNode> all = new ArrayList<>(workspaceLabels);
    teams.forEach(t -> all.addAll(t.labels));
    return all;
  }

  List<CommentNode> comments() {
    return issues.stream().flatMap(i -> i.comments.stream()).toList();
  }

  LabelNode label(String id) {
    return find(labels(), l -> l.id.equals(id)).orElseThrow(() -> LinearApiError.notFound("IssueLabel"));
  }

  StateNode state(String id) {
    return find(states(), s -> s.id.equals(id)).orElseThrow(() -> LinearApiError.notFound("WorkflowState"));
  }

  private static <T> Optional<T> find(List<T> nodes, Predicate<T> test) {
    return nodes.stream().filter(test).findFirst();
  }
}
