package dev.aegis.core.run;

import dev.aegis.core.tracker.IssueComment;
import dev.aegis.core.tracker.IssueKey;
import dev.aegis.core.tracker.IssueRecord;
import dev.aegis.core.tracker.IssueRecords;
import dev.aegis.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small facts Aegis remembers about an issue's comments, each tied to the Aegis comment it belongs to: the question
 * it asked, the people and commands it refused, the commands it answered. They keep Aegis from saying the same
 * thing twice and from carrying out a command it already turned down.
 *
 * <p>On GitHub a mark is a hidden HTML comment in the Aegis comment ({@code <!-- aegis:question WHERE -->}); only
 * Aegis's own comments count. Linear drops HTML from comments, so there the marks live in one issue record, {@value
 * #NOTES}, mapping each mark to the id of its comment. A marked comment on Linear is posted after the mark is
 * recorded (so a tracker that does not keep records stops Aegis before it posts anything), and the mark is then
 * tied to the new comment.
 */
public final class Marks {
  /** The name of the issue record holding the marks where comments keep no HTML. */
  static final String NOTES = "notes";

  private final Tracker tracker;
  private final Optional<IssueRecords> records;

  public Marks(Tracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.records = tracker.records();
  }

  /**
   * A fact: its kind ({@code question}, {@code refused}, {@code refused-comment}, {@code reply}) and what it is about
   * (the missing part, a person, a comment id). Neither contains whitespace, {@code <}, {@code >} or {@code --}, so
   * the hidden form is one well-formed HTML comment.
   */
  public record Mark(String kind, String subject) {
    private static final Pattern WORD = Pattern.compile("[^\\s<>]+");

    public Mark {
      if (!word(kind) || !word(subject)) {
        throw new IllegalArgumentException("a mark is two words: " + kind + " " + subject);
      }
    }

    private static boolean word(String text) {
      return text != null && WORD.matcher(text).matches() && !text.contains("--");
    }

    /** How GitHub carries it: {@code <!-- aegis:kind subject -->}. */
    String hidden() {
      return "<!-- aegis:" + kind + " " + subject + " -->";
    }

    String key() {
      return kind + " " + subject;
    }
  }

  /** A mark of some kind and the comment it is tied to. */
  public record Placed(String subject, IssueComment comment) {}

  /** The marks of an issue, read once from its comments (and, on Linear, its notes record). */
  public Marked read(IssueKey key, List<IssueComment> comments) {
    List<IssueComment> mine = comments.stream().filter(c -> Authors.byAegis(tracker, c)).toList();
    return new Marked(mine, records.isPresent() ? notes(key) : null);
  }

  /** Posts an Aegis comment carrying {@code marks}. */
  public IssueComment post(IssueKey key, String text, List<Mark> marks) {
    if (records.isEmpty()) {
      List<String> hidden = marks.stream().map(Mark::hidden).toList();
      return tracker.addComment(key, text + "\n\n" + String.join("\n", hidden));
    }
    record(key, marks, "");
    IssueComment comment = tracker.addComment(key, text);
    record(key, marks, comment.id());
    return comment;
  }

  /** Ties one more mark to an Aegis comment already posted (GitHub: an edit, which notifies nobody). */
  public void add(IssueKey key, IssueComment carrier, Mark mark) {
    if (records.isEmpty()) {
      tracker.editComment(key, carrier.id(), carrier.body() + "\n" + mark.hidden());
    } else {
      record(key, List.of(mark), carrier.id());
    }
  }

  private void record(IssueKey key, List<Mark> marks, String commentId) {
    Map<String, String> notes = new LinkedHashMap<>(notes(key));
    marks.forEach(m -> notes.put(m.key(), commentId));
    records.orElseThrow().put(key, new IssueRecord(NOTES, "Aegis notes",
        "what Aegis asked and answered on this issue", notes));
  }

  private Map<String, String> notes(IssueKey key) {
    return records.orElseThrow().list(key).stream().filter(r -> r.name().equals(NOTES))
        .reduce((a, b) -> b).map(IssueRecord::data).orElse(Map.of());
  }

  /** The marks of one issue as read. */
  public static final class Marked {
    private final List<IssueComment> mine;
    private final Map<String, String> notes;

    private Marked(List<IssueComment> mine, Map<String, String> notes) {
      this.mine = mine;
      this.notes = notes;
    }

    /** True when Aegis made this mark on the issue. */
    public boolean has(Mark mark) {
      return notes != null
          ? notes.containsKey(mark.key())
          : mine.stream().anyMatch(c -> c.body().contains(mark.hidden()));
    }

    /** The Aegis comment this mark is tied to, if it still exists. */
    public Optional<IssueComment> carrier(Mark mark) {
      if (notes == null) {
        return mine.stream().filter(c -> c.body().contains(mark.hidden())).findFirst();
      }
      String id = notes.get(mark.key());
      return mine.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The mark of this kind on the latest Aegis comment that still exists and carries one. */
    public Optional<Placed> latest(String kind) {
      List<Placed> all = new ArrayList<>();
      if (notes == null) {
        Pattern marker = Pattern.compile("<!-- aegis:" + Pattern.quote(kind) + " (\\S+) -->");
        for (IssueComment c : mine) {
          Matcher m = marker.matcher(c.body());
          if (m.find()) {
            all.add(new Placed(m.group(1), c));
          }
        }
      } else {
        for (IssueComment c : mine) {
          notes.forEach((k, id) -> {
            if (id.equals(c.id()) && k.startsWith(kind + " ")) {
              all.add(new Placed(k.substring(kind.length() + 1), c));
            }
          });
        }
      }
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
  }
}
