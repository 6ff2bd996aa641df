package dev.aegis.cli;

import dev.aegis.core.channel.ChannelException;
import dev.aegis.core.channel.TelegramSetup;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigException;
import dev.aegis.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis setup ...}: setup helpers for the optional channels. */
@Command(name = "setup", mixinStandardHelpOptions = true,
    description = "Setup helpers for the optional channels.",
    subcommands = SetupCommand.Telegram.class)
final class SetupCommand implements Runnable {
  private final CliContext ctx;

  SetupCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void run() {
    ctx.err().println("Missing subcommand: try 'aegis setup telegram'.");
  }

  /** {@code aegis setup telegram}: checks the token and finds the chat id and the approvers' user ids. */
  @Command(name = "telegram", mixinStandardHelpOptions = true,
      description = {"Check TELEGRAM_BOT_TOKEN with getMe and find the chat id from getUpdates.",
          "Message the bot once (in the chat Aegis should use), then run this; it waits up to --wait seconds."})
  static final class Telegram implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = {"-C", "--workspace"}, paramLabel = "DIR",
        description = "The repository checkout whose .aegis/config.yml to read (default: the current directory).")
    Path workspace;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
        description = "How long to wait for a first message to the bot (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    Telegram(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Path dir = (workspace == null ? ctx.cwd() : ctx.cwd().resolve(workspace)).normalize();
      try {
        AegisConfig config = new ConfigLoader().load(dir, ctx.env(), Map.of(), "command line");
        TelegramSetup setup = TelegramSetup.of(config, ctx.env());
        TelegramSetup.Bot bot = setup.check();
        ctx.out().println("The token works: the bot is @" + bot.username() + " (id " + bot.id() + ").");
        List<TelegramSetup.Chat> chats = setup.chats();
        long deadline = System.nanoTime() + Math.max(0, waitSeconds) * 1_000_000_000L;
        if (chats.isEmpty() && waitSeconds > 0) {
          ctx.out().println("Now send any message to @" + bot.username() + " in the chat Aegis should use (a private"
              + " chat, or a group the bot is in). Waiting up to " + waitSeconds + " s...");
        }
        while (chats.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(2000);
          chats = setup.chats();
        }
        if (chats.isEmpty()) {
          ctx.err().println("No message reached the bot yet: message @" + bot.username() + " and run this again.");
          return ExitCodes.CONFIG;
        }
        report(chats);
        return ExitCodes.OK;
      } catch (ConfigException | IllegalArgumentException e) {
        ctx.err().println(e.getMessage());
        return ExitCodes.CONFIG;
      } catch (ChannelException e) {
        ctx.err().println(e.getMessage());
        return e.status() == 401 || e.status() == 404 ? ExitCodes.AUTH : ExitCodes.REMOTE;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExitCodes.REMOTE;
      }
    }

    private void report(List<TelegramSetup.Chat> chats) {
      ctx.out().println("Chats that messaged the bot:");
      for (TelegramSetup.Chat c : chats) {
        ctx.out().println("  " + c.id() + "  " + c.kind() + " chat '" + c.title() + "'"
            + (c.users().isEmpty() ? "" : ", from " + String.join(", ", c.users().entrySet().stream()
                .map(u -> u.getValue() + " (user " + u.getKey() + ")").toList())));
      }
      TelegramSetup.Chat first = chats.get(0);
      ctx.out().println("Set in .aegis/config.yml (the bot token stays a secret, never in the file):");
      ctx.out().println("telegram:");
      ctx.out().println("  chat-id: \"" + first.id() + "\"");
      ctx.out().println("  approvers: [" + String.join(", ", first.users().keySet()) + "]");
    }
  }
}
