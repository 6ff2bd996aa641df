package dev.aegis.core.tracker;

/** Reactions Aegis puts on comments to acknowledge them. Values are GitHub's reaction content names. */
public enum Reaction {
  EYES("eyes"),
  THUMBS_UP("+1"),
  CONFUSED("confused"),
  ROCKET("rocket");

  private final String content;

  Reaction(String content) {
    this.content = content;
  }

  public String content() {
    return content;
  }
}
