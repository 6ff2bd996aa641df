package dev.aegis.testkit.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A commit object as {@code git cat-file commit} prints it. */
record CommitData(String sha, String tree, List<String> parents, Signature author, Signature committer,
    String message) {
  private static final Pattern PERSON = Pattern.compile("^(.*) <(.*)> (\\d+) [+-]\\d{4}$");

  CommitData {
    parents = List.copyOf(parents);
  }

  static CommitData parse(String sha, String raw) {
    int blank = raw.indexOf("\n\n");
    String header = blank < 0 ? raw : raw.substring(0, blank);
    String message = blank < 0 ? "" : raw.substring(blank + 2);
    String tree = null;
    List<String> parents = new ArrayList<>();
    Signature author = null;
    Signature committer = null;
    for (String line : header.split("\n")) {
      if (line.startsWith("tree ")) {
        tree = line.substring(5);
      } else if (line.startsWith("parent ")) {
        parents.add(line.substring(7));
      } else if (line.startsWith("author ")) {
        author = person(line.substring(7));
      } else if (line.startsWith("committer ")) {
        committer = person(line.substring(10));
      }
    }
    if (tree == null || author == null || committer == null) {
      throw new IllegalStateException("not a commit object: " + sha);
    }
    return new CommitData(sha, tree, parents, author, committer, message);
  }

  private static Signature person(String text) {
    Matcher m = PERSON.matcher(text);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected person line: " + text);
    }
    return new Signature(m.group(1), m.group(2), Instant.ofEpochSecond(Long.parseLong(m.group(3))));
  }
}
