package dev.aegis.testkit.linear;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Seeding and snapshots behind {@link FakeLinear}'s public methods. Callers hold the fake's lock. */
final class LinearSeeds {
  private static final List<String[]> DEFAULT_WORKFLOW = List.of(
      new String[] {"Backlog", "backlog"},
      new String[] {"Todo", "unstarted"},
      new String[] {"In Progress", "started"},
      new String[] {"In Review", "started"},
      new String[] {"Done", "completed"},
      new String[] {"Canceled", "canceled"},
      new String[] {"Duplicate", "duplicate"});

  private final LinearStore store;

  LinearSeeds(LinearStore store) {
    this.store = store;
  }

  FakeTeam team(String key, String name) {
    TeamNode team = new TeamNode(store.newId(), store.tick(), key.toUpperCase(Locale.ROOT), name);
    store.teams.add(team);
    FakeTeam seeded = new FakeTeam(team.id, team.key, team.name);
    DEFAULT_WORKFLOW.forEach(s -> state(seeded, s[0], s[1]));
    return seeded;
  }

  void state(FakeTeam seeded, String name, String type) {
    TeamNode team = store.team(seeded.id());
    team.states.add(new StateNode(store.newId(), store.tick(), team, name, type, team.states.size()));
  }

  void label(FakeTeam seeded, String name) {
    if (seeded == null) {
      store.workspaceLabels.add(new LabelNode(store.newId(), store.tick(), null, name));
    } else {
      TeamNode team = store.team(seeded.id());
      team.labels.add(new LabelNode(store.newId(), store.tick(), team, name));
    }
  }

  FakeUser user(String name, String email) {
    String key = "lin_api_" + store.newId().replace("-", "");
    UserNode user = new UserNode(store.newId(), store.tick(), name, email, false, key, store.organization);
    store.users.add(user);
    return new FakeUser(user.id, name, email, key);
  }

  String issue(IssueSeed seed) {
    TeamNode team = store.team(seed.team.id());
    StateNode state = team.states.stream()
        .filter(s -> s.name.equals(seed.state))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no state " + seed.state + " in team " + team.key));
    UserNode creator = seed.creator == null ? null : user(seed.creator.id());
    IssueNode issue = new IssueNode(store.newId(), store.tick(), team, ++team.issueCount, creator, state);
    issue.title = seed.title;
    issue.description = ProseMirror.stored(seed.description);
    seed.labels.forEach(name -> issue.labels.add(label(team, name)));
    store.issues.add(issue);
    return issue.identifier();
  }

  String comment(String identifier, FakeUser author, String body) {
    IssueNode issue = store.issue(identifier);
    CommentNode comment =
        new CommentNode(store.newId(), store.tick(), issue, user(author.id()), ProseMirror.stored(body));
    issue.comments.add(comment);
    return comment.id;
  }

  /** An attachment created by {@code creator} (an integration, or someone planting a look-alike). */
  void attach(String identifier, FakeUser creator, String url, String title, java.util.Map<String, Object> metadata) {
    IssueNode issue = store.issue(identifier);
    new LinearMutations(store).attach(issue.id, url, title, null, metadata, user(creator.id()));
  }

  void trash(String identifier) {
    IssueNode issue = store.issue(identifier);
    issue.trashed = true;
    issue.archivedAt = store.tick();
  }

  void delete(String identifier) {
    IssueNode issue = store.issue(identifier);
    store.issues.remove(issue);
    store.deleted.add(issue);
  }

  FakeIssue snapshot(String identifier) {
    IssueNode issue = Stream.concat(store.issues.stream(), store.deleted.stream())
        .filter(i -> i.identifier().equals(identifier))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no issue " + identifier));
    return new FakeIssue(
        issue.id,
        issue.identifier(),
        issue.title,
        issue.state.name,
        issue.labels.stream().map(l -> l.name).toList(),
        issue.comments.stream().map(LinearSeeds::snapshot).toList(),
        issue.attachments.stream().map(LinearSeeds::snapshot).toList(),
        issue.trashed);
  }

  private static FakeAttachment snapshot(AttachmentNode a) {
    return new FakeAttachment(a.url, a.title, a.subtitle, a.creator == null ? null : a.creator.email, a.metadata);
  }

  private static FakeComment snapshot(CommentNode c) {
    return new FakeComment(
        c.id, c.user.email, c.body, c.editedAt != null, c.reactions.stream().map(r -> r.emoji).toList());
  }

  private UserNode user(String id) {
    return store.users.stream().filter(u -> u.id.equals(id)).findFirst().orElseThrow();
  }

  private LabelNode label(TeamNode team, String name) {
    return Stream.concat(team.labels.stream(), store.workspaceLabels.stream())
        .filter(l -> l.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no label " + name + " for team " + team.key));
  }
}
