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

  @Option(names = "--action", paramLabel = "REF", defaultValue = "aegis-dev/aegis-action@v1",
      description = "The action reference the workflow uses (default: ${DEFAULT-VALUE}).")
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
    List<String> kept = new ArrayList<>();
    write(root.resolve(WORKFLOW), template("aegis.yml").replace("{{action}}", actionRef), kept);
    write(root.resolve(CONFIG), template("config.yml"), kept);
    if (!kept.isEmpty()) {
      ctx.err().println("Left unchanged (already there): " + String.join(", ", kept) + ". Use --force to overwrite.");
    }
    ctx.out().println("""
        Next steps:
          1. Review .aegis/config.yml (labels, mode, model) and commit both files.
          2. Add the model key as a repository secret (Settings > Secrets and variables > Actions),
             e.g. OPENAI_API_KEY or ANTHROPIC_API_KEY.
          3. Create the labels 'bug' and 'ready to implement' if the repository does not have them.
          4. Check from here: aegis status, then aegis pickup --dry-run""");
    return kept.size() == 2 ? ExitCodes.USAGE : ExitCodes.OK;
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
