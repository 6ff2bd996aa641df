package dev.aegis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis init}: writes the workflow and the config file into a repository, never overwriting by surprise. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Write .github/workflows/aegis.yml and .aegis/config.yml into this repository.",
        "Existing files are left alone unless --force is given."})
final class InitCommand implements Callable<Integer> {
  static final String WORKFLOW = ".github/workflows/aegis.yml";
  static final String CONFIG = ".aegis/config.yml";

  private final CliContext ctx;

  @Option(names = {"-C", "--workspace"}, paramLabel = "DIR", description = "Repository root (default: current directory).")
  Path dir;

  @Option(names = "--force", description = "Overwrite files that already exist.")
  boolean force;

  /**
   * Where the action is published. A guess until the first release is cut: the README and {@code init}'s output
   * say how to point the workflow elsewhere with {@code --action}.
   */
  static final String ACTION_REPOSITORY = "aegis-dev/aegis-action";
  private static final java.util.regex.Pattern ACTION_REF =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+"
          + "|\\./[A-Za-z0-9_./-]*");

  @Option(names = "--action", paramLabel = "OWNER/REPO@REF",
      description = {"The action the workflow uses. Default: " + ACTION_REPOSITORY + "@v<this version> for a "
          + "released Aegis, " + ACTION_REPOSITORY + "@main for a development build.",
          "Pin a commit with OWNER/REPO@<commit sha> until a release tag exists; ./PATH uses an action in this"
              + " repository."})
  String actionRef;

  InitCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Path root = (dir == null ? ctx.cwd() : ctx.cwd().resolve(dir)).normalize();
    Optional<String> refused = WorkspaceCheck.refusal(root, dir != null, "init", true);
    if (refused.isPresent()) {
      ctx.err().println(refused.get());
      return ExitCodes.USAGE;
    }
    String version = Main.Version.number();
    String action = actionRef == null ? defaultAction(version) : actionRef.strip();
    if (!ACTION_REF.matcher(action).matches()) {
      ctx.err().println("--action '" + action + "' is not OWNER/REPO@REF (for example " + ACTION_REPOSITORY
          + "@v1.2.0, or a commit: " + ACTION_REPOSITORY + "@<40-character commit sha>), nor ./PATH for an action "
          + "in this repository. Nothing was written.");
      return ExitCodes.USAGE;
    }
    List<String> kept = new ArrayList<>();
    write(root.resolve(WORKFLOW), template("aegis.yml").replace("{{action}}", action)
        .replace("{{version}}", "aegis " + version), kept);
    write(root.resolve(CONFIG), template("config.yml"), kept);
    if (!kept.isEmpty()) {
      ctx.err().println("Left unchanged (already there): " + String.join(", ", kept) + ". Use --force to overwrite.");
    }
    ctx.out().println("The workflow uses " + action + "." + (actionRef == null && action.endsWith("@main")
        ? " This Aegis is a development build (" + version + "), so that is the action's main branch, which moves"
            + " (the action builds its jar on first use): pin the commit you tested with --action "
            + ACTION_REPOSITORY + "@<commit sha>."
        : ""));
    ctx.out().println("""
        Next steps:
          1. Review .aegis/config.yml (labels, mode, model) and commit both files.
          2. Add the model key as a repository secret (Settings > Secrets and variables > Actions),
             e.g. OPENAI_API_KEY or ANTHROPIC_API_KEY.
          3. Let the workflow open pull requests: Settings > Actions > General > Workflow permissions, tick
             "Allow GitHub Actions to create and approve pull requests" (an organization may have to allow it
             first). Pull requests opened with GITHUB_TOKEN start no workflows: for CI on them, pass a GitHub
             App token or a bot's token as github-token (README, Troubleshooting).
          4. Create the labels 'bug' and 'ready to implement' if the repository does not have them.
          5. Check from here: aegis status, then aegis pickup --dry-run""");
    return kept.size() == 2 ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /** The action reference for the Aegis that runs {@code init}: its release tag, or main for a development build. */
  static String defaultAction(String version) {
    boolean released = version.matches("\\d+\\.\\d+\\.\\d+");
    return ACTION_REPOSITORY + "@" + (released ? "v" + version : "main");
  }

  private void write(Path file, String content, List<String> kept) {
    String shown = ctx.cwd().relativize(file.toAbsolutePath()).toString();
    if (Files.exists(file) && !force) {
      kept.add(shown);
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      ctx.out().println("Wrote " + shown);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String template(String name) {
    try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
      if (in == null) {
        throw new IllegalStateException("template " + name + " is missing from the Aegis jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
