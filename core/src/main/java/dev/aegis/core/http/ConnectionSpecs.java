package dev.aegis.core.http;

import java.util.List;
import java.util.Locale;
import okhttp3.ConnectionSpec;

/**
 * The connection specs for a client that talks to one base URL. OkHttp sets up TLS (the platform trust
 * store and an SSL socket factory, tens of milliseconds at start-up) whenever a client may speak TLS; a
 * client bound to a plain {@code http://} URL (a local model server, a test fake, an internal GHES proxy)
 * is given the cleartext spec only, so that work is skipped. Such a client refuses {@code https://}
 * requests, which a client bound to one http base URL never makes.
 */
public final class ConnectionSpecs {
  private static final List<ConnectionSpec> DEFAULT = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

  private ConnectionSpecs() {}

  public static List<ConnectionSpec> forUrl(String baseUrl) {
    boolean plain = baseUrl != null && baseUrl.trim().toLowerCase(Locale.ROOT).startsWith("http://");
    return plain ? List.of(ConnectionSpec.CLEARTEXT) : DEFAULT;
  }
}
