package dev.aegis.testkit.github;

import dev.aegis.testkit.github.Records.Account;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The fake's users, bots and the tokens that authenticate as them. */
final class Accounts {
  private final Map<String, Account> byLogin = new LinkedHashMap<>();
  private final Map<String, String> loginByToken = new LinkedHashMap<>();
  private final Map<String, java.time.Instant> expiryByToken = new LinkedHashMap<>();
  private final Map<Long, FakeApp> apps = new LinkedHashMap<>();
  private final AtomicLong ids;

  Accounts(AtomicLong ids) {
    this.ids = ids;
  }

  /** The account with this login, created as a human user when it does not exist yet. */
  synchronized Account account(String login) {
    return byLogin.computeIfAbsent(key(login), k -> new Account(ids.incrementAndGet(), login, isBotLogin(login)));
  }

  synchronized Account add(String login, boolean bot) {
    Account account = new Account(ids.incrementAndGet(), login, bot);
    byLogin.put(key(login), account);
    return account;
  }

  synchronized Optional<Account> find(String login) {
    return Optional.ofNullable(byLogin.get(key(login)));
  }

  synchronized void addToken(String token, String login) {
    account(login);
    loginByToken.put(token, login);
  }

  /** A token that stops working at {@code expiresAt} (an App installation token: one hour). */
  synchronized void addToken(String token, String login, java.time.Instant expiresAt) {
    addToken(token, login);
    expiryByToken.put(token, expiresAt);
  }

  synchronized void revokeToken(String token) {
    loginByToken.remove(token);
  }

  /** The account a token authenticates as at {@code now}; empty for unknown, revoked or expired tokens. */
  synchronized Optional<Account> byToken(String token, java.time.Instant now) {
    java.time.Instant expires = expiryByToken.get(token);
    if (expires != null && !now.isBefore(expires)) {
      return Optional.empty();
    }
    String login = loginByToken.get(token);
    return login == null ? Optional.empty() : find(login);
  }

  synchronized FakeApp addApp(String slug) {
    FakeApp app = new FakeApp(ids.incrementAndGet(), slug);
    apps.put(app.id(), app);
    add(app.botLogin(), true);
    add(slug, true); // the App itself, as a JWT authenticates it
    return app;
  }

  synchronized Optional<FakeApp> app(long id) {
    return Optional.ofNullable(apps.get(id));
  }

  synchronized Optional<FakeApp> appBySlug(String slug) {
    return apps.values().stream().filter(a -> a.slug().equalsIgnoreCase(slug)).findFirst();
  }

  synchronized java.util.List<FakeApp> apps() {
    return java.util.List.copyOf(apps.values());
  }

  static boolean isBotLogin(String login) {
    return login.endsWith("[bot]");
  }

  private static String key(String login) {
    return login.toLowerCase(Locale.ROOT);
  }
}
