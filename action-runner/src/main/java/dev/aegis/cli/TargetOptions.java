package dev.aegis.cli;

import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.host.HostCommand;
import dev.aegis.core.host.HostRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by commands that work on a repository. */
final class TargetOptions {
  @Option(names = {"-C", "--workspace"}, paramLabel = "DIR",
      description = "The repository checkout to work in (default: the current directory).")
  Path workspace;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "GitHub repository (default: config, GITHUB_REPOSITORY, or the origin remote).")
  String repository;

  @Option(names = "--api-url", paramLabel = "URL",
      description = "GitHub API URL (default: GITHUB_API_URL or https://api.github.com).")
  String apiUrl;

  @Option(names = "--model", paramLabel = "PROVIDER/MODEL", description = "Model, e.g. openai/gpt-5.5.")
  String model;

  @Option(names = {"-v", "--verbose"}, description = "Also print the resolved configuration.")
  boolean verbose;

  Path workspace(CliContext ctx) {
    return (workspace == null ? ctx.cwd() : ctx.cwd().resolve(workspace)).normalize();
  }

  /** Why {@code command} cannot read this workspace (it does not exist); empty when it can. */
  Optional<String> refusal(CliContext ctx, String command) {
    return WorkspaceCheck.refusal(workspace(ctx), workspace != null, command, false);
  }

  Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    if (repository != null) {
      o.put(ConfigKeys.GITHUB_REPOSITORY, repository);
    }
    if (apiUrl != null) {
      o.put(ConfigKeys.GITHUB_API_URL, apiUrl);
    }
    if (model != null) {
      o.put(ConfigKeys.MODEL, model);
    }
    return o;
  }

  HostRequest request(CliContext ctx, HostCommand command, String issue, String runId, boolean dryRun, String prompt) {
    return new HostRequest(command, issue, runId, dryRun, prompt, overrides(), ctx.env(), workspace(ctx));
  }
}
