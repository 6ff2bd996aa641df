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

  synchronized void revokeToken(String token) {
    loginByToken.remove(token);
  }

  synchronized Optional<Account> byToken(String token) {
    String login = loginByToken.get(token);
    return login == null ? Optional.empty() : find(login);
  }

  static boolean isBotLogin(String login) {
    return login.endsWith("[bot]");
  }

  private static String key(String login) {
    return login.toLowerCase(Locale.ROOT);
  }
}
