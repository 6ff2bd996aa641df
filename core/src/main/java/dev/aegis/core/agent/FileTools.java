package dev.aegis.core.agent;

import dev.aegis.core.git.Checkout;
import dev.aegis.core.agent.ToolArgs.ToolError;
import dev.aegis.core.policy.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code list_files}, {@code read_file}, {@code write_file}, {@code edit_file}. */
final class FileTools {
  static final int MAX_LIST = 1000;
  static final int MAX_READ_LINES = 400;
  static final long MAX_FILE_BYTES = 5L << 20;

  private final Workspace workspace;
  private final Checkout git;
  private final Set<String> written = new LinkedHashSet<>();
  /** The listing, kept until a file tool or a command may have changed the tree. */
  private List<String> listing;

  FileTools(Workspace workspace, Checkout git) {
    this.workspace = workspace;
    this.git = git;
  }

  /** The workspace-relative paths written with {@code write_file} or {@code edit_file}, in order. */
  List<String> written() {
    return List.copyOf(written);
  }

  String list(ToolArgs args) {
    String under = prefix(args.optionalString("path", ""));
    List<String> files = files().stream().filter(f -> under.isEmpty() || f.startsWith(under)).toList();
    if (files.isEmpty()) {
      return "(no files" + (under.isEmpty() ? "" : " under " + under) + ")";
    }
    StringBuilder out = new StringBuilder();
    files.stream().limit(MAX_LIST).forEach(f -> out.append(f).append('\n'));
    if (files.size() > MAX_LIST) {
      out.append("[... and ").append(files.size() - MAX_LIST).append(" more; list a subdirectory]\n");
    }
    return out.toString();
  }

  /** Directory prefix ending in '/', checked against the policy; empty for the root. */
  String prefix(String path) {
    String trimmed = path.trim();
    if (trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("./")) {
      return "";
    }
    Path real = workspace.resolveForRead(trimmed);
    String relative = workspace.relative(real);
    return Files.isDirectory(real) ? relative + "/" : relative;
  }

  /**
   * The workspace's files, honouring .gitignore when it is a git repository. Listed once and kept until
   * {@link #changed()}: a step that lists, searches and runs a command lists once.
   */
  List<String> files() {
    if (listing == null) {
      listing = git.listFiles()
          .map(list -> list.stream().filter(f -> Files.exists(workspace.root().resolve(f), LinkOption.NOFOLLOW_LINKS))
              .sorted().toList())
          .orElseGet(this::walk);
    }
    return listing;
  }

  /** The tree may have changed (a write, an edit, a command): the next {@link #files()} lists again. */
  void changed() {
    listing = null;
  }

  private List<String> walk() {
    try (Stream<Path> paths = Files.walk(workspace.root())) {
      return paths.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(workspace::relative).filter(f -> !f.startsWith(".git/")).sorted().limit(100_000).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the workspace", e);
    }
  }

  String read(ToolArgs args) {
    String path = args.string("path");
    Path file = workspace.resolveForRead(path);
    List<String> lines = lines(path, file);
    int start = args.optionalInt("start_line", 1);
    int end = args.optionalInt("end_line", Math.min(lines.size(), start + MAX_READ_LINES - 1));
    if (start < 1 || end < start) {
      throw new ToolError("read_file: need 1 <= start_line <= end_line, got " + start + ".." + end);
    }
    if (lines.isEmpty()) {
      return "(" + path + " is empty)";
    }
    if (start > lines.size()) {
      throw new ToolError("read_file: " + path + " has only " + lines.size() + " lines");
    }
    int last = Math.min(end, lines.size());
    StringBuilder out = new StringBuilder();
    for (int i = start; i <= last; i++) {
      out.append(i).append("| ").append(lines.get(i - 1)).append('\n');
    }
    if (last < lines.size()) {
      out.append("[").append(path).append(" has ").append(lines.size())
          .append(" lines; read more with start_line/end_line]\n");
    }
    return out.toString();
  }

  static List<String> lines(String path, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ToolError(path + " is not a file" + (Files.isDirectory(file) ? " (a directory: use list_files)" : ""));
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ToolError(path + " is larger than 5 MB; search it instead");
      }
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
        if (bytes[i] == 0) {
          throw new ToolError(path + " looks binary; it cannot be shown");
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        return List.of();
      }
      List<String> all = new ArrayList<>(List.of(text.split("\r?\n", -1)));
      if (text.endsWith("\n")) {
        all.remove(all.size() - 1);
      }
      return all;
    } catch (IOException e) {
      throw new ToolError("cannot read " + path + ": " + e.getClass().getSimpleName());
    }
  }

  String write(ToolArgs args) {
    String path = args.string("path");
    String content = args.string("content");
    Path file = workspace.resolveForWrite(path);
    if (Files.isDirectory(file)) {
      throw new ToolError(path + " is a directory");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolError("cannot write " + path + ": " + e.getClass().getSimpleName());
    }
    written.add(workspace.relative(file));
    changed();
    return "wrote " + path + " (" + content.lines().count() + " lines)";
  }

  String edit(ToolArgs args) {
    String path = args.string("path");
    String oldText = args.string("old_text");
    String newText = args.string("new_text");
    Path file = workspace.resolveForWrite(path);
    if (oldText.isEmpty()) {
      throw new ToolError("edit_file: old_text is empty; to create or replace a whole file use write_file");
    }
    lines(path, file); // refuses directories, binaries and huge files
    String original = readRaw(path, file);
    List<Integer> at = occurrences(original, oldText);
    if (at.size() != 1) {
      throw new ToolError(EditHints.explain(path, original, oldText, at));
    }
    String updated = original.substring(0, at.get(0)) + newText + original.substring(at.get(0) + oldText.length());
    try {
      Files.writeString(file, updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolError("cannot write " + path + ": " + e.getClass().getSimpleName());
    }
    written.add(workspace.relative(file));
    changed();
    int line = EditHints.lineOf(original, at.get(0));
    return "edited " + path + " at line " + line + " (" + oldText.lines().count() + " lines replaced by "
        + newText.lines().count() + ")";
  }

  private static String readRaw(String path, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolError("cannot read " + path + " as UTF-8 text");
    }
  }

  static List<Integer> occurrences(String text, String needle) {
    List<Integer> at = new ArrayList<>();
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      at.add(i);
    }
    return at;
  }
}
