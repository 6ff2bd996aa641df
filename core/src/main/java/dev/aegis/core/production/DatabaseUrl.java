package dev.aegis.core.production;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code DATABASE_URL} split into what the JDBC driver needs, with the credentials kept apart from the
 * address so that the address can be shown. Accepts {@code postgres://}, {@code postgresql://},
 * {@code mysql://} and the same behind {@code jdbc:}; credentials in the userinfo part
 * ({@code postgres://user:pass@host:5432/db?sslmode=require}).
 *
 * <p>{@link #toString()} never contains the password: {@link #display()} is what any log may show.
 *
 * @param dialect which server
 * @param jdbcUrl the JDBC URL without credentials
 * @param user the user name, or empty for the driver's default
 * @param password the password, or empty
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password) {
  public DatabaseUrl {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException for anything else; the message never repeats the URL (it holds the
   *     password)
   */
  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String text = url.strip();
    if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
      text = text.substring(5);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a URL (expected postgres://user:password@host:5432/"
          + "database or mysql://...)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Dialect dialect = switch (scheme) {
      case "postgres", "postgresql" -> Dialect.POSTGRESQL;
      case "mysql" -> Dialect.MYSQL;
      default -> throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql:// or "
          + "mysql://, not '" + scheme + "://'");
    };
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("DATABASE_URL has no host");
    }
    String user = "";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:" + (dialect == Dialect.POSTGRESQL ? "postgresql" : "mysql") + "://" + uri.getHost() + port
        + path + query;
    return new DatabaseUrl(dialect, jdbc, user, password);
  }

  /** The address and the user, without the password: safe for logs and messages. */
  public String display() {
    String at = jdbcUrl.substring("jdbc:".length());
    int query = at.indexOf('?');
    String base = query < 0 ? at : at.substring(0, query);
    int slashes = base.indexOf("://") + 3;
    return base.substring(0, slashes) + (user.isEmpty() ? "" : user + "@") + base.substring(slashes);
  }

  @Override
  public String toString() {
    return display();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
