package dev.aegis.core.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small shop database on a {@link LocalPostgres}: customers (with e-mail and password hashes), orders, a
 * sequence, and a read-only role. Order 1003 breaks an assumption of the app: its currency is "eur" in
 * lower case, where the code compares with "EUR".
 */
public final class ShopDatabase {
  public static final String READER = "aegis_reader";
  public static final String READER_PASSWORD = "reader-pw-51d0e2";
  public static final List<String> TABLES = List.of("customers", "orders", "audit_events");

  private ShopDatabase() {}

  public static void create(LocalPostgres pg) throws SQLException {
    try (Connection c = pg.admin("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE shop");
      st.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
    }
    try (Connection c = pg.admin("shop"); Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL,
            password_hash text NOT NULL, country text NOT NULL)""");
      st.execute("""
          CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers(id),
            total_cents int NOT NULL, currency text NOT NULL, status text NOT NULL)""");
      st.execute("CREATE TABLE audit_events (id serial PRIMARY KEY, note text)");
      st.execute("""
          INSERT INTO customers (name, email, password_hash, country) VALUES
            ('Alice', 'alice@example.com', '$2b$12$alicehashalicehash', 'NL'),
            ('Bob', 'bob@example.org', '$2b$12$bobhashbobhashbob', 'DE'),
            ('Chen', 'chen@example.net', '$2b$12$chenhashchenhash', 'NL')""");
      st.execute("""
          INSERT INTO orders (id, customer_id, total_cents, currency, status) VALUES
            (1001, 1, 2599, 'EUR', 'paid'), (1002, 2, 1000, 'EUR', 'paid'), (1003, 3, 4200, 'eur', 'failed'),
            (1004, 1, 999, 'EUR', 'paid')""");
      st.execute("SELECT setval('orders_id_seq', 1004)");
      st.execute("INSERT INTO audit_events (note) VALUES ('seeded')");
      st.execute("ANALYZE");
      st.execute("GRANT CONNECT ON DATABASE shop TO " + READER);
      st.execute("GRANT USAGE ON SCHEMA public TO " + READER);
      st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
    }
  }

  /** A checksum of every row of every table, plus the sequence positions: equal means nothing changed. */
  public static Map<String, String> checksums(LocalPostgres pg) throws SQLException {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection c = pg.admin("shop"); Statement st = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' "
            + "ORDER BY t::text)), '') FROM " + table + " t")) {
          rs.next();
          sums.put(table, rs.getString(1));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT last_value || ':' || is_called FROM orders_id_seq")) {
        rs.next();
        sums.put("orders_id_seq", rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery("SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c "
          + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")) {
        rs.next();
        sums.put("relations", rs.getString(1));
      }
    }
    return sums;
  }
}
