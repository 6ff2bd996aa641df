package dev.aegis.core.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Email through an SMTP server (Jakarta Mail, Eclipse Angus): the same events and words as Telegram, as plain
 * text. {@code AEGIS_SMTP_URL} names the server: {@code smtps://user:password@host:465} (TLS from the first
 * byte) or {@code smtp://user:password@host:587} (STARTTLS, required: a server that does not offer it is
 * refused, so a password never crosses the network in the clear). The Message-ID is derived from the delivery
 * id, so a repeat of the same event is the same message to mail clients.
 */
final class EmailChannel implements Channel {
  static final Set<RunEvent.Kind> KINDS = TelegramChannel.KINDS;

  /** A parsed {@code AEGIS_SMTP_URL}: the password is kept for the session only, never printed. */
  record Server(boolean implicitTls, String host, int port, String user, String password) {
    Server {
      Objects.requireNonNull(host, "host");
    }

    /**
     * Parses {@code smtp://} or {@code smtps://} addresses.
     *
     * @throws IllegalArgumentException saying what is wrong, without the password
     */
    static Server parse(String raw) {
      URI uri;
      try {
        uri = URI.create(raw.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("AEGIS_SMTP_URL is not an address (write smtps://user:password@host:465"
            + " or smtp://user:password@host:587; percent-encode special characters in the password)");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
        throw new IllegalArgumentException("AEGIS_SMTP_URL must start with smtps:// (TLS) or smtp:// (STARTTLS)");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("AEGIS_SMTP_URL names no host");
      }
      boolean tls = scheme.equals("smtps");
      int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 587;
      String user = null;
      String password = null;
      String info = uri.getRawUserInfo();
      if (info != null) {
        int colon = info.indexOf(':');
        user = decode(colon < 0 ? info : info.substring(0, colon));
        password = colon < 0 ? null : decode(info.substring(colon + 1));
      }
      return new Server(tls, uri.getHost(), port, user, password);
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }

  private final Server server;
  private final InternetAddress from;
  private final List<InternetAddress> to;
  private final Properties properties;

  /**
   * @param extra further Jakarta Mail properties (tests trust their server's certificate with them)
   */
  EmailChannel(Server server, InternetAddress from, List<InternetAddress> to, Duration timeout, Properties extra) {
    this.server = Objects.requireNonNull(server, "server");
    this.from = Objects.requireNonNull(from, "from");
    this.to = List.copyOf(to);
    if (this.to.isEmpty()) {
      throw new IllegalArgumentException("email needs at least one address in email.to");
    }
    String p = server.implicitTls() ? "mail.smtps." : "mail.smtp.";
    properties = new Properties();
    properties.put(p + "host", server.host());
    properties.put(p + "port", String.valueOf(server.port()));
    properties.put(p + "auth", String.valueOf(server.user() != null));
    properties.put(p + "connectiontimeout", String.valueOf(timeout.toMillis()));
    properties.put(p + "timeout", String.valueOf(timeout.toMillis()));
    properties.put(p + "writetimeout", String.valueOf(timeout.toMillis()));
    properties.put(p + "ssl.checkserveridentity", "true");
    if (!server.implicitTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    properties.putAll(extra);
  }

  static InternetAddress address(String raw) throws AddressException {
    InternetAddress a = new InternetAddress(raw.trim(), true);
    a.validate();
    return a;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean wants(RunEvent.Kind kind) {
    return KINDS.contains(kind);
  }

  @Override
  public void send(RunEvent event) throws ChannelException {
    Session session = Session.getInstance(properties);
    String protocol = server.implicitTls() ? "smtps" : "smtp";
    try {
      MimeMessage m = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + event.deliveryId() + "@aegis>");
        }
      };
      m.setFrom(from);
      m.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
      m.setSubject(Messages.subject(event), "UTF-8");
      m.setText(Messages.text(event, Messages.Answer.ON_THE_ISSUE) + "\n", "UTF-8");
      m.setSentDate(Date.from(event.at()));
      m.setHeader("X-Aegis-Event", event.kind().wire());
      m.setHeader("X-Aegis-Delivery", event.deliveryId());
      try (Transport t = session.getTransport(protocol)) {
        t.connect(server.host(), server.port(), server.user(), server.password());
        t.sendMessage(m, m.getAllRecipients());
      }
    } catch (AuthenticationFailedException e) {
      throw new ChannelException("the SMTP server refused the login of " + server.user()
          + ": check the user and password in AEGIS_SMTP_URL", 535, null);
    } catch (MessagingException e) {
      throw new ChannelException("mail to " + server.host() + ":" + server.port() + " failed: " + reason(e), 0, null);
    }
  }

  private static String reason(MessagingException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (text.contains("STARTTLS")) {
      return text + " (the server offers no STARTTLS; use smtps:// if it takes TLS on another port)";
    }
    Throwable cause = e.getNextException() != null ? e.getNextException() : e.getCause();
    return cause == null ? text : text + " (" + cause.getClass().getSimpleName() + ")";
  }
}
