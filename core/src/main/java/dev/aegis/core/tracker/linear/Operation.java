package dev.aegis.core.tracker.linear;

/**
 * Every GraphQL operation the Linear client sends. Each is a resource file next to this class (fragments are
 * appended when the document references them). Mutations are not retried after a server error: Linear may have
 * applied them.
 */
enum Operation {
  VIEWER("Viewer", "reading who the API key belongs to", false),
  TEAMS("Teams", "listing teams", false),
  WORKFLOW_STATES("WorkflowStates", "listing the team's workflow states", false),
  ISSUE_LABELS("IssueLabels", "listing labels", false),
  USERS("Users", "looking up approvers", false),
  ISSUES("Issues", "listing issues", false),
  ISSUE("Issue", "reading an issue", false),
  ISSUE_COMMENTS("IssueComments", "reading comments", false),
  COMMENTS_SINCE("CommentsSince", "reading new comments", false),
  ISSUE_ATTACHMENTS("IssueAttachments", "reading Aegis's run records (issue attachments)", false),
  COMMENT_CREATE("CommentCreate", "adding a comment", true),
  COMMENT_UPDATE("CommentUpdate", "editing a comment", true),
  ISSUE_UPDATE("IssueUpdate", "updating an issue's state and labels", true),
  REACTION_CREATE("ReactionCreate", "adding a reaction", true),
  ATTACHMENT_CREATE("AttachmentCreate", "writing an issue attachment", true);

  /** Fragments a document may use. */
  static final String[] FRAGMENTS = {"IssueFields", "CommentFields", "AttachmentFields"};

  private final String document;
  private final String purpose;
  private final boolean mutation;

  Operation(String document, String purpose, boolean mutation) {
    this.document = document;
    this.purpose = purpose;
    this.mutation = mutation;
  }

  /** The resource name and GraphQL operation name. */
  String document() {
    return document;
  }

  /** What Aegis was doing, for messages: "listing issues". */
  String purpose() {
    return purpose;
  }

  boolean mutation() {
    return mutation;
  }
}
