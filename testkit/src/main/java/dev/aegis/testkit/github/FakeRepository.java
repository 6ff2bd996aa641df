package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aegis.testkit.github.Records.CommentRec;
import dev.aegis.testkit.github.Records.IssueRec;
import dev.aegis.testkit.github.Records.PullRec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One repository on a {@link FakeGitHub}: seed it (issues, pull requests, comments, labels, roles, variables)
 * and read back what clients did to it. Its git data lives in a real git directory ({@link #gitDir()}) that
 * tests may clone from and push to; the API shows whatever git holds.
 */
public final class FakeRepository {
  private final RepoState state;
  private final Accounts accounts;
  private final AtomicLong ids;

  FakeRepository(RepoState state, Accounts accounts, AtomicLong ids) {
    this.state = state;
    this.accounts = accounts;
    this.ids = ids;
  }

  /** {@code owner/name}. */
  public String fullName() {
    return state.fullName();
  }

  /** The git directory (bare repository) holding refs and commits. */
  public Path gitDir() {
    return state.git().gitDir();
  }

  /** A URL {@code git clone} and {@code git push} accept for {@link #gitDir()}. */
  public String cloneUrl() {
    return gitDir().toUri().toString();
  }

  /** The branch {@code HEAD} names. */
  public String defaultBranch() {
    return state.git().defaultBranch();
  }

  /** Adds an open issue and returns its number. A login ending in {@code [bot]} is a bot. */
  public int addIssue(String title, String body, String author, String... labels) {
    accounts.account(author);
    return state.createIssue(title, body, Arrays.asList(labels), author, null).number();
  }

  /**
   * Adds an open pull request from {@code head} into the default branch and returns its number. When
   * {@code head} does not exist it is created one commit ahead of the default branch.
   */
  public int addPullRequest(String title, String head, String author, String... labels) {
    accounts.account(author);
    String base = defaultBranch();
    String baseSha = branchHead(base).orElseThrow();
    String headSha = branchHead(head).orElseGet(() -> {
      String sha = newCommit(baseSha, title);
      state.git().createRef("refs/heads/" + head, sha);
      return sha;
    });
    PullRec pull = new PullRec(ids.incrementAndGet(), head, base, headSha, baseSha, false);
    return state.createIssue(title, "", Arrays.asList(labels), author, pull).number();
  }

  /** Adds a comment by {@code author} and returns its id. */
  public long addComment(int issue, String author, String body) {
    accounts.account(author);
    return state.addComment(issue, author, body)
        .orElseThrow(() -> new IllegalArgumentException("no issue #" + issue + " in " + fullName()))
        .id();
  }

  /** Creates a repository label. */
  public FakeRepository addLabel(String name, String color, String description) {
    state.createLabel(name, color, description);
    return this;
  }

  /** Gives {@code login} a role on this repository (creating the account when needed). */
  public FakeRepository setPermission(String login, Role role) {
    accounts.account(login);
    state.setRole(login, role);
    return this;
  }

  /** A private repository hides itself from people without a role and reports them as {@code none}. */
  public FakeRepository setPrivate(boolean value) {
    state.setPrivate(value);
    return this;
  }

  /** Adds an Actions secret (only its name is kept: GitHub never returns a secret's value). */
  public FakeRepository addSecret(String name) {
    state.addSecret(name);
    return this;
  }

  /**
   * The repository setting "Allow GitHub Actions to create and approve pull requests" (Settings > Actions >
   * General > Workflow permissions). When off, {@code POST /pulls} with the workflow's {@code GITHUB_TOKEN}
   * (the {@link FakeGitHub#ACTIONS_BOT} identity) answers GitHub's 403 "GitHub Actions is not permitted to create
   * or approve pull requests.", whatever the token's permissions; other tokens (a GitHub App's, a PAT) are not
   * affected. The fake allows it by default so existing worlds open pull requests; GitHub does not allow
   * it by default (its 2022-05-03 changelog introduced the setting).
   */
  public FakeRepository setActionsMayCreatePullRequests(boolean value) {
    state.setActionsMayCreatePullRequests(value);
    return this;
  }

  /** Sets (creating or updating) an Actions variable. */
  public FakeRepository setVariable(String name, String value) {
    if (state.createVariable(name, value).isEmpty()) {
      state.updateVariable(name, value);
    }
    return this;
  }

  /** Stores the {@code issue} object of a webhook payload under its own number and id. */
  public int seedIssue(JsonNode issue) {
    String author = seedAccount(issue.path("user"));
    List<String> labels = new ArrayList<>();
    issue.path("labels").forEach(l -> labels.add(l.path("name").asText()));
    Instant created = Instant.parse(issue.path("created_at").asText());
    Instant updated = Instant.parse(issue.path("updated_at").asText(issue.path("created_at").asText()));
    Instant closed = issue.path("closed_at").isTextual() ? Instant.parse(issue.path("closed_at").asText()) : null;
    int number = issue.path("number").asInt();
    state.seedIssue(new IssueRec(issue.path("id").asLong(), number, issue.path("title").asText(),
        issue.path("body").textValue(), issue.path("state").asText("open"), labels, author, created, updated,
        closed, null));
    return number;
  }

  /** Stores the {@code comment} object of a webhook payload, on issue {@code issue}, under its own id. */
  public long seedComment(int issue, JsonNode comment) {
    String author = seedAccount(comment.path("user"));
    Instant created = Instant.parse(comment.path("created_at").asText());
    Instant updated = Instant.parse(comment.path("updated_at").asText(comment.path("created_at").asText()));
    long id = comment.path("id").asLong();
    state.seedComment(new CommentRec(id, issue, author, comment.path("body").asText(), created, updated));
    return id;
  }

  /** The issue or pull request with this number. */
  public Optional<FakeIssue> issue(int number) {
    return state.issue(number).map(FakeRepository::view);
  }

  /** Every issue and pull request, by number. */
  public List<FakeIssue> issues() {
    return state.issues().stream().map(FakeRepository::view).toList();
  }

  /** The comments on one issue, oldest first. */
  public List<FakeComment> comments(int issue) {
    return state.comments(issue).stream()
        .map(c -> new FakeComment(c.id(), c.issue(), c.author(), c.body()))
        .toList();
  }

  /** The repository's label names. */
  public List<String> labels() {
    return state.labels().stream().map(Records.LabelRec::name).toList();
  }

  /** The reaction contents ({@code eyes}, {@code +1}) on a comment, with who reacted: {@code login:content}. */
  public List<String> reactions(long commentId) {
    return state.reactions(commentId).stream().map(r -> r.login() + ":" + r.content()).toList();
  }

  /** The value of an Actions variable. */
  public Optional<String> variable(String name) {
    return state.variable(name).map(Records.VariableRec::value);
  }

  /** The commit a branch points at. */
  public Optional<String> branchHead(String branch) {
    return state.git().resolve("refs/heads/" + branch);
  }

  /** Writes a commit on top of {@code parentSha} with the same tree (moving no branch) and returns its sha. */
  public String newCommit(String parentSha, String message) {
    CommitData parent = state.git().commit(parentSha)
        .orElseThrow(() -> new IllegalArgumentException("no commit " + parentSha));
    Signature who = new Signature("Fake GitHub", "fake@github.invalid", state.now());
    return state.git().commitTree(parent.tree(), List.of(parentSha), message, who, who);
  }

  private String seedAccount(JsonNode user) {
    String login = user.path("login").asText();
    if (accounts.find(login).isEmpty()) {
      accounts.add(login, "Bot".equals(user.path("type").asText()) || Accounts.isBotLogin(login));
    }
    return login;
  }

  private static FakeIssue view(IssueRec i) {
    return new FakeIssue(i.number(), i.title(), i.body(), i.state(), i.labels(), i.author(), i.isPull());
  }
}
