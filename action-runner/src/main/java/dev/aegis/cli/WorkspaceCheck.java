package dev.aegis.cli;

import dev.aegis.core.git.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses a workspace a command cannot use, before it reads or writes anything: a directory that does not exist
 * (a mistyped {@code -C}), and, for commands that write into the repository ({@code init}, {@code pause},
 * {@code resume}), a directory that is not a git checkout, where the files would be written where nothing reads
 * them.
 */
final class WorkspaceCheck {
  private WorkspaceCheck() {}

  /**
   * Why {@code command} cannot work in {@code dir}; empty when it can.
   *
   * @param dir the resolved workspace
   * @param given true when the user named it with {@code -C}, false for the current directory
   * @param command the subcommand, as typed
   * @param writes true when the command writes into the repository, which must then be a checkout
   */
  static Optional<String> refusal(Path dir, boolean given, String command, boolean writes) {
    String named = given ? "-C " + dir : "the current directory " + dir;
    String fix = given ? "Pass -C the top directory of your clone of the repository Aegis watches."
        : "Run it from the top directory of your clone of the repository Aegis watches, or pass -C DIR.";
    if (!Files.isDirectory(dir)) {
      return Optional.of("'" + command + "': " + named + (Files.exists(dir) ? " is not a directory" : " does not exist")
          + ". Nothing was read or written. " + fix);
    }
    if (writes && !Checkout.isCheckout(dir)) {
      return Optional.of("'" + command + "': " + named + " is not a git checkout (no .git there), and '" + command
          + "' writes into the repository (.aegis/config.yml" + (command.equals("init") ? ", the workflow" : "")
          + "). Nothing was written. " + fix);
    }
    return Optional.empty();
  }
}
