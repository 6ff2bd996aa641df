package dev.aegis.core.channel;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.policy.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the configured channels from configuration and the environment (where their secrets live). A
 * channel that is configured wrongly (a webhook address that is not http(s), a webhook without its signing
 * secret) is left out with one warning naming what to fix: a channel never stops a run, not even a broken one.
 */
public final class ChannelSetup {
  /** The secret webhooks are signed with. */
  public static final String WEBHOOK_SECRET = "AEGIS_WEBHOOK_SECRET";
  /** The Slack incoming webhook's address (a secret: whoever has it can post to the channel). */
  public static final String SLACK_WEBHOOK_URL = "AEGIS_SLACK_WEBHOOK_URL";
  /** The SMTP server, with its credentials: {@code smtps://user:password@host:465}. */
  public static final String SMTP_URL = "AEGIS_SMTP_URL";
  /** The Telegram bot's token. */
  public static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";

  /** The environment variables that carry the channels' secrets (never configuration keys). */
  public static final List<String> SECRET_VARIABLES =
      List.of(TELEGRAM_BOT_TOKEN, SLACK_WEBHOOK_URL, WEBHOOK_SECRET, SMTP_URL);

  private final AegisConfig config;
  private final Map<String, String> environment;
  private final Redactor redactor;
  private final Consumer<String> warn;
  private final RandomGenerator random;

  /**
   * @param config resolved configuration
   * @param environment the process environment (secrets)
   * @param redactor cleans every event and every message about a channel
   * @param warn where setup problems and failed deliveries are reported (the host log's warnings)
   * @param random jitter for retries
   */
  public ChannelSetup(AegisConfig config, Map<String, String> environment, Redactor redactor, Consumer<String> warn,
      RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.environment = Map.copyOf(environment);
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.warn = Objects.requireNonNull(warn, "warn");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Secret values inside channel settings that the environment's own redaction would miss: the SMTP password
   * on its own (the whole {@code AEGIS_SMTP_URL} is redacted already), percent-decoded.
   */
  public static List<String> secretParts(Map<String, String> environment) {
    String url = environment.get(SMTP_URL);
    if (url == null || url.isBlank()) {
      return List.of();
    }
    try {
      String password = EmailChannel.Server.parse(url).password();
      return password == null ? List.of() : List.of(password);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** The channels configured here; {@link Channels#isEmpty()} when none is. */
  public Channels channels() {
    Duration budget = budget();
    // one attempt gets a third of the budget, so a receiver that hangs once still leaves time for a retry
    Duration attempt = budget.dividedBy(3).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : budget.dividedBy(3);
    OkHttpClient http = new OkHttpClient.Builder().connectTimeout(attempt)
        .readTimeout(attempt).callTimeout(attempt).retryOnConnectionFailure(false).build();
    Backoff backoff = new Backoff(4, Duration.ofMillis(500), budget.dividedBy(2), random);
    List<Channel> out = new ArrayList<>();
    telegram(http, budget).ifPresent(out::add);
    slack(http, budget).ifPresent(out::add);
    email(budget).ifPresent(out::add);
    out.addAll(webhooks(http, backoff));
    return new Channels(out, budget, redactor, warn);
  }

  /** The most time one event may take on every channel together ({@code channels.budget-seconds}, 1 s or more). */
  public Duration budget() {
    return Duration.ofSeconds(Math.max(1, config.whole(ConfigKeys.CHANNELS_BUDGET_SECONDS)));
  }

  private List<Channel> webhooks(OkHttpClient http, Backoff backoff) {
    List<String> urls = config.list(ConfigKeys.WEBHOOKS);
    if (urls.isEmpty()) {
      return List.of();
    }
    Optional<String> secret = secret(WEBHOOK_SECRET);
    if (secret.isEmpty()) {
      warning("`webhooks` lists " + urls.size() + " address" + (urls.size() == 1 ? "" : "es") + " but "
          + WEBHOOK_SECRET + " is not set: Aegis sends no unsigned webhook. Set the secret (a repository secret"
          + " passed as an environment variable) and the receivers' signing key to the same value.");
      return List.of();
    }
    List<Channel> out = new ArrayList<>();
    for (String raw : urls) {
      Optional<HttpUrl> url = httpUrl(raw);
      if (url.isEmpty()) {
        warning("`webhooks` entry '" + raw + "' (" + config.sourceOf(ConfigKeys.WEBHOOKS)
            + ") is not an http(s) address: it is skipped. Write it as https://host/path.");
        continue;
      }
      out.add(new WebhookChannel(url.get(), secret.get(), http, backoff));
    }
    return out;
  }

  private Optional<Channel> telegram(OkHttpClient http, Duration budget) {
    Optional<String> token = secret(TELEGRAM_BOT_TOKEN);
    Optional<String> chat = config.text(ConfigKeys.TELEGRAM_CHAT_ID);
    if (token.isEmpty() && chat.isEmpty()) {
      return Optional.empty();
    }
    if (token.isEmpty() || chat.isEmpty()) {
      warning(token.isEmpty()
          ? "`telegram.chat-id` is set but TELEGRAM_BOT_TOKEN is not, so Telegram is not told anything; pass the"
              + " bot's token as a secret"
          : "TELEGRAM_BOT_TOKEN is set but `telegram.chat-id` is not, so Telegram is not told anything; 'aegis setup"
              + " telegram' finds the chat id");
      return Optional.empty();
    }
    return telegramApi(http).map(api -> new TelegramChannel(api, chat.get(), budget.dividedBy(2)));
  }

  /**
   * Where Telegram commands are read, when Telegram is configured with approvers; without {@code
   * telegram.approvers} nobody may command from Telegram, so nothing is read.
   */
  public Optional<TelegramInbox> telegramInbox() {
    Optional<String> chat = config.text(ConfigKeys.TELEGRAM_CHAT_ID);
    List<String> approvers = config.list(ConfigKeys.TELEGRAM_APPROVERS);
    if (chat.isEmpty() || approvers.isEmpty()) {
      return Optional.empty();
    }
    Duration budget = budget();
    OkHttpClient http = new OkHttpClient.Builder().connectTimeout(budget).readTimeout(budget).callTimeout(budget)
        .retryOnConnectionFailure(false).build();
    return telegramApi(http).map(api -> new TelegramInbox(api, chat.get(), approvers));
  }

  /** The Bot API client for the configured token and {@code telegram.api-url}, when both are usable. */
  Optional<TelegramApi> telegramApi(OkHttpClient http) {
    Optional<String> token = secret(TELEGRAM_BOT_TOKEN);
    String raw = config.text(ConfigKeys.TELEGRAM_API_URL).orElse("https://api.telegram.org");
    Optional<HttpUrl> api = httpUrl(raw);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    if (api.isEmpty()) {
      warning("`telegram.api-url` '" + raw + "' (" + config.sourceOf(ConfigKeys.TELEGRAM_API_URL)
          + ") is not an http(s) address, so Telegram is not used; remove it to use https://api.telegram.org.");
      return Optional.empty();
    }
    try {
      return Optional.of(new TelegramApi(api.get(), token.get(), http));
    } catch (IllegalArgumentException e) {
      warning("TELEGRAM_BOT_TOKEN is malformed (it looks like 123456:ABC-...), so Telegram is not used.");
      return Optional.empty();
    }
  }

  private Optional<Channel> email(Duration budget) {
    Optional<String> url = secret(SMTP_URL);
    List<String> to = config.list(ConfigKeys.EMAIL_TO);
    if (url.isEmpty() && to.isEmpty()) {
      return Optional.empty();
    }
    if (url.isEmpty() || to.isEmpty()) {
      warning(url.isEmpty() ? "`email.to` is set but " + SMTP_URL + " is not, so no email is sent; set it (a secret)"
          + " to smtps://user:password@host:465 or smtp://user:password@host:587"
          : SMTP_URL + " is set but `email.to` is not, so no email is sent; list the addresses in `email.to`");
      return Optional.empty();
    }
    try {
      EmailChannel.Server server = EmailChannel.Server.parse(url.get());
      String sender = config.text(ConfigKeys.EMAIL_FROM).orElse(server.user() == null ? "" : server.user());
      if (!sender.contains("@")) {
        warning("no sender address for email: set `email.from` (the SMTP user is not an address), so no email is sent");
        return Optional.empty();
      }
      List<jakarta.mail.internet.InternetAddress> recipients = new ArrayList<>();
      for (String a : to) {
        recipients.add(EmailChannel.address(a));
      }
      return Optional.of(new EmailChannel(server, EmailChannel.address(sender), recipients, budget,
          new java.util.Properties()));
    } catch (IllegalArgumentException e) {
      warning(e.getMessage() + "; no email is sent.");
    } catch (jakarta.mail.internet.AddressException e) {
      warning("`email.to` or `email.from` holds an address that is not one ('" + e.getRef() + "'), so no email is sent");
    }
    return Optional.empty();
  }

  private Optional<Channel> slack(OkHttpClient http, Duration budget) {
    Optional<String> raw = secret(SLACK_WEBHOOK_URL);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<HttpUrl> url = httpUrl(raw.get());
    if (url.isEmpty()) {
      warning(SLACK_WEBHOOK_URL + " is not an http(s) address, so Slack is not told anything; copy the webhook"
          + " URL from the Slack app's Incoming Webhooks page (https://hooks.slack.com/services/...).");
      return Optional.empty();
    }
    return Optional.of(new SlackChannel(url.get(), http, new Backoff(2, Duration.ofSeconds(1), budget.dividedBy(2), random)));
  }

  private Optional<String> secret(String name) {
    return Optional.ofNullable(environment.get(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  static Optional<HttpUrl> httpUrl(String raw) {
    HttpUrl url = HttpUrl.parse(raw.trim());
    return Optional.ofNullable(url);
  }

  private void warning(String text) {
    try {
      warn.accept(redactor.redact(text));
    } catch (RuntimeException ignored) {
      // the log must not throw
    }
  }
}
