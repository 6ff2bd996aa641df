package dev.aegis.core.production;

import dev.aegis.core.production.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into {@link SqlToken}s the way the server would read it: single-quoted strings,
 * dollar-quoting and nested block comments on PostgreSQL; backslash escapes, double-quoted strings, backtick
 * names and {@code #} comments on MySQL. Whatever two servers could read differently is refused rather than
 * guessed: a backslash in a string, {@code U&} and {@code E} strings, MySQL's executable {@code /*!} comments,
 * an unterminated string or comment, a character outside ASCII outside quotes.
 */
final class SqlTokenizer {
  private final String sql;
  private final Dialect dialect;
  private final List<SqlToken> tokens = new ArrayList<>();
  private int at;

  private SqlTokenizer(String sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  /** The tokens of {@code sql}; throws {@link Unreadable} for text it will not interpret. */
  static List<SqlToken> tokenize(String sql, Dialect dialect) {
    SqlTokenizer tokenizer = new SqlTokenizer(sql, dialect);
    tokenizer.run();
    return List.copyOf(tokenizer.tokens);
  }

  private void run() {
    while (at < sql.length()) {
      char c = sql.charAt(at);
      if (c > 127) {
        throw new Unreadable("characters outside ASCII are only allowed inside quotes ('text' or \"name\"): servers "
            + "differ in which of them are spaces or letters");
      } else if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '-' && peek(1) == '-') {
        lineComment(2);
      } else if (c == '#' && dialect == Dialect.MYSQL) {
        lineComment(1);
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else if (c == '\'') {
        quoted('\'', Kind.STRING);
      } else if (c == '"') {
        quoted('"', dialect == Dialect.MYSQL ? Kind.STRING : Kind.QUOTED_NAME);
      } else if (c == '`' && dialect == Dialect.MYSQL) {
        quoted('`', Kind.QUOTED_NAME);
      } else if (c == '$' && dialect == Dialect.POSTGRESQL && dollarTag() != null) {
        dollarQuoted(dollarTag());
      } else if (c == ';') {
        tokens.add(new SqlToken(Kind.SEMICOLON, ";"));
        at++;
      } else if (Character.isLetter(c) || c == '_') {
        word();
      } else if (Character.isDigit(c)) {
        number();
      } else {
        tokens.add(new SqlToken(Kind.SYMBOL, String.valueOf(c)));
        at++;
      }
    }
  }

  private char peek(int ahead) {
    int index = at + ahead;
    return index < sql.length() ? sql.charAt(index) : '\0';
  }

  private void lineComment(int opener) {
    if (dialect == Dialect.MYSQL && opener == 2 && !Character.isWhitespace(peek(2)) && peek(2) != '\0') {
      throw new Unreadable("'--' not followed by a space is read differently by MySQL; put a space after it");
    }
    int end = sql.indexOf('\n', at);
    at = end < 0 ? sql.length() : end + 1;
  }

  private void blockComment() {
    if (dialect == Dialect.MYSQL && (peek(2) == '!' || peek(2) == '+')) {
      throw new Unreadable("MySQL executes /*! ... */ comments; they are refused");
    }
    int depth = 0;
    while (at < sql.length()) {
      if (sql.startsWith("/*", at)) {
        if (depth > 0 && dialect == Dialect.MYSQL) {
          throw new Unreadable("a block comment inside a block comment is read differently by each server");
        }
        depth++;
        at += 2;
      } else if (sql.startsWith("*/", at)) {
        depth--;
        at += 2;
        if (depth == 0) {
          return;
        }
      } else {
        at++;
      }
    }
    throw new Unreadable("a block comment is not closed");
  }

  private void quoted(char quote, Kind kind) {
    StringBuilder text = new StringBuilder();
    at++;
    while (at < sql.length()) {
      char c = sql.charAt(at);
      if (c == '\\') {
        throw new Unreadable("backslashes in quoted text are refused (servers and settings read them "
            + "differently)");
      }
      if (c == quote) {
        if (peek(1) == quote) {
          text.append(quote);
          at += 2;
          continue;
        }
        at++;
        tokens.add(new SqlToken(kind, text.toString()));
        return;
      }
      text.append(c);
      at++;
    }
    throw new Unreadable("a quoted " + (kind == Kind.STRING ? "string" : "name") + " is not closed");
  }

  /** The tag of a dollar quote starting here ({@code $$} or {@code $tag$}), or null for {@code $1} etc. */
  private String dollarTag() {
    int end = at + 1;
    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      if (end == at + 1 && Character.isDigit(sql.charAt(end))) {
        return null;
      }
      end++;
    }
    return end < sql.length() && sql.charAt(end) == '$' ? sql.substring(at, end + 1) : null;
  }

  private void dollarQuoted(String tag) {
    int close = sql.indexOf(tag, at + tag.length());
    if (close < 0) {
      throw new Unreadable("a dollar-quoted string (" + tag + ") is not closed");
    }
    tokens.add(new SqlToken(Kind.STRING, sql.substring(at + tag.length(), close)));
    at = close + tag.length();
  }

  private void word() {
    int start = at;
    while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_'
        || sql.charAt(at) == '$')) {
      at++;
    }
    String word = sql.substring(start, at);
    char next = peek(0);
    if (next == '\'' || (next == '"' && dialect == Dialect.MYSQL) || (next == '&' && word.equalsIgnoreCase("u"))) {
      // E'...', U&'...', N'...', B'...', X'...', _utf8'...': prefixed literals with their own escape rules
      throw new Unreadable("prefixed literals (" + word + next + "...) are refused; use a plain "
          + "'string'");
    }
    tokens.add(new SqlToken(Kind.WORD, word));
  }

  private void number() {
    int start = at;
    while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
      at++;
    }
    tokens.add(new SqlToken(Kind.NUMBER, sql.substring(start, at)));
  }

  /** Text the tokenizer will not interpret; the message says why, for the model. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }
}
