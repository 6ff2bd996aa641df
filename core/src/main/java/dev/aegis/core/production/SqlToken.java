package dev.aegis.core.production;

/**
 * One lexical token of a statement. Comments and whitespace are not tokens.
 *
 * @param kind what it is
 * @param text its text as written (for a quoted identifier, the name without quotes)
 */
record SqlToken(Kind kind, String text) {
  enum Kind {
    /** An unquoted word: a keyword or an identifier. */
    WORD,
    /** A quoted identifier ({@code "name"}, or {@code `name`} on MySQL). */
    QUOTED_NAME,
    /** A string literal, including a dollar-quoted one. */
    STRING,
    NUMBER,
    SEMICOLON,
    /** Any other punctuation or operator character. */
    SYMBOL
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** A word or quoted name: something that can name a function. */
  boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
  }
}
