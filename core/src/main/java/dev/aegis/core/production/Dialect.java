package dev.aegis.core.production;

/** The SQL dialect of a production database: it decides how strings, identifiers and comments are read. */
public enum Dialect {
  POSTGRESQL,
  MYSQL
}
