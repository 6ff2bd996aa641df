package dev.aegis.core.ops;

import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.host.HostConnection;
import dev.aegis.core.run.Branches;
import dev.aegis.core.tracker.Phase;
import dev.aegis.core.tracker.TrackerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aegis disconnect}: the steps that stop Aegis for this repository, with this repository's names filled
 * in: the workflow file and the secrets and variables it uses (read from the workflow itself), the labels and
 * {@code aegis/*} branches that exist (when the token can list them), local files, and the Jenkins side. It only
 * reads; every change is left to the maintainer.
 */
final class ShutdownChecklist {
  static final String WORKFLOW = ".github/workflows/aegis.yml";
  private static final Pattern SECRET = Pattern.compile("secrets\\.([A-Za-z0-9_]+)");
  private static final Pattern VARIABLE = Pattern.compile("vars\\.([A-Za-z0-9_]+)");
  private static final List<String> TEMPLATE_SECRETS = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY");

  private final OpsContext ctx;
  private final List<String> lines = new ArrayList<>();
  private int step;

  ShutdownChecklist(OpsContext ctx) {
    this.ctx = ctx;
  }

  OpsReport build() {
    String repo = ctx.repositoryOrHint();
    lines.add("Shutdown checklist for " + repo + ". Nothing below has been done: each step is yours to run.");
    Found found = found();
    found.note().ifPresent(n -> lines.add("(" + n + ")"));
    step("Pause first, so nothing new starts while you clean up:", "aegis pause");
    workflow(repo);
    secrets(repo);
    variables(repo);
    labels(repo, found.labels());
    branches(repo, found.branches());
    local();
    jenkins();
    return new OpsReport(OpsOutcome.OK, lines, "");
  }

  private void workflow(String repo) {
    Path file = ctx.workspace().resolve(WORKFLOW);
    if (Files.isRegularFile(file)) {
      step("Remove the workflow (or disable it to keep the file):",
          "git rm " + WORKFLOW + " && git commit -m \"Remove Aegis\" && git push",
          "gh workflow disable aegis.yml --repo " + repo);
    } else {
      step("Remove the Aegis workflow: " + WORKFLOW + " is not in this checkout, so look for the workflow that "
          + "uses the Aegis action under .github/workflows/ on the default branch, or disable it in the Actions tab.");
    }
  }

  private void secrets(String repo) {
    Set<String> names = new TreeSet<>(referenced(SECRET));
    names.remove("GITHUB_TOKEN");
    if (names.isEmpty()) {
      names.addAll(TEMPLATE_SECRETS);
    }
    List<String> commands = new ArrayList<>();
    names.forEach(n -> commands.add("gh secret delete " + n + " --repo " + repo));
    step("Delete the secrets the workflow passes to Aegis, then revoke each key where it was issued (OpenAI, "
        + "Anthropic, ...): deleting a secret does not revoke the key.", commands.toArray(String[]::new));
    step("Revoke any token you made for Aegis (a fine-grained token for pause/resume, a personal token used "
        + "locally as GITHUB_TOKEN) under GitHub Settings > Developer settings > Personal access tokens, and "
        + "uninstall the GitHub App if you used one. The workflow's own GITHUB_TOKEN expires with each job.");
  }

  private void variables(String repo) {
    Set<String> names = new TreeSet<>(referenced(VARIABLE));
    names.add(PauseSwitch.VARIABLE);
    List<String> commands = new ArrayList<>();
    names.forEach(n -> commands.add("gh variable delete " + n + " --repo " + repo));
    step("Delete the repository variables Aegis reads:", commands.toArray(String[]::new));
  }

  private void labels(String repo, Optional<List<String>> existing) {
    List<String> labels = existing.orElseGet(() -> {
      List<String> all = new ArrayList<>();
      for (Phase p : Phase.values()) {
        if (p.label() != null) {
          all.add(p.label());
        }
      }
      return all;
    });
    if (labels.isEmpty()) {
      step("Labels: the repository has no aegis:* labels left. Keep "
          + Texts.quoted(ctx.config().bugLabel()) + " and " + Texts.quoted(ctx.config().readyLabel())
          + " if your team uses them.");
      return;
    }
    List<String> commands = new ArrayList<>();
    labels.forEach(l -> commands.add("gh label delete \"" + l + "\" --repo " + repo + " --yes"));
    step("Optionally delete the labels Aegis created" + (existing.isPresent() ? " (these exist now)" : "")
        + "; deleting a label removes it from every issue. Keep " + Texts.quoted(ctx.config().bugLabel()) + " and "
        + Texts.quoted(ctx.config().readyLabel()) + " if your team uses them:", commands.toArray(String[]::new));
  }

  private void branches(String repo, Optional<List<String>> existing) {
    if (existing.isEmpty()) {
      step("Delete leftover " + Branches.PREFIX + "* branches. List them, then delete each (deleting a branch "
          + "closes its open pull request, so merge or close those first):",
          "git ls-remote --heads origin '" + Branches.PREFIX + "*'",
          "git push origin --delete " + Branches.PREFIX + "<issue>-<slug>");
      return;
    }
    if (existing.get().isEmpty()) {
      step("Branches: " + repo + " has no " + Branches.PREFIX + "* branches left.");
      return;
    }
    step("Delete the " + existing.get().size() + " " + Branches.PREFIX + "* branch(es) left on " + repo
        + " (deleting a branch closes its open pull request, so merge or close those first):",
        "git push origin --delete " + String.join(" ", existing.get()));
  }

  private void local() {
    List<String> commands = new ArrayList<>();
    if (Files.isDirectory(ctx.workspace().resolve(".aegis"))) {
      commands.add("git rm -r .aegis && git commit -m \"Remove Aegis configuration\" && git push");
    }
    String cache = ctx.environment().getOrDefault("AEGIS_CACHE_DIR", "~/.cache/aegis/http");
    ctx.config().text(ConfigKeys.GITHUB_REPOSITORY)
        .ifPresent(r -> commands.add("rm -rf " + cache + "/" + r.replace('/', '_')));
    step("Remove the local configuration and the HTTP cache Aegis keeps for this repository"
        + (commands.isEmpty() ? " (none found here)." : ":"), commands.toArray(String[]::new));
  }

  private void jenkins() {
    step("If Jenkins runs Aegis too: remove the `aegis` steps from the Jenkinsfile and the worker job, clear "
        + "Manage Jenkins > System > Aegis (or set max concurrent runs to 0), delete the credentials it names "
        + "(GitHub token, model key, webhook secret), and delete the repository's webhook to "
        + "<jenkins>/aegis-webhook/ (Settings > Webhooks).");
  }

  /** Names the workflow file refers to with {@code pattern}; empty when there is no workflow file here. */
  private Set<String> referenced(Pattern pattern) {
    Set<String> names = new TreeSet<>();
    Path file = ctx.workspace().resolve(WORKFLOW);
    if (!Files.isRegularFile(file)) {
      return names;
    }
    try {
      Matcher m = pattern.matcher(Files.readString(file));
      while (m.find()) {
        names.add(m.group(1).toUpperCase(Locale.ROOT));
      }
    } catch (IOException e) {
      // an unreadable workflow: fall back to the template's names
    }
    return names;
  }

  /** Reads the aegis:* labels and aegis/* branches that exist, when the token can; never writes. */
  private Found found() {
    if (ctx.config().text(ConfigKeys.GITHUB_REPOSITORY).isEmpty()) {
      return new Found(Optional.empty(), Optional.empty(),
          Optional.of("repository unknown: pass --repo OWNER/NAME to fill in its name and list what exists"));
    }
    try (HostConnection connection = ctx.connector().connect(ctx.config(), ctx.environment())) {
      Optional<List<String>> labels = connection.tracker().labelNames().map(names -> names.stream()
          .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("aegis:")).sorted().toList());
      Optional<List<String>> branches = connection.code().branchesStartingWith(Branches.PREFIX);
      return new Found(labels, branches, Optional.empty());
    } catch (RuntimeException e) {
      if (!Remote.expected(e)) {
        throw e;
      }
      return new Found(Optional.empty(), Optional.empty(),
          Optional.of("could not list what exists on GitHub, so the steps below name what to look for: "
              + (e instanceof TrackerException ? Remote.advice(e, ctx) : "GITHUB_TOKEN is not set")));
    }
  }

  private void step(String what, String... commands) {
    lines.add("");
    lines.add(++step + ". " + what);
    for (String command : commands) {
      lines.add("     " + command);
    }
  }

  /** What GitHub shows now, when it could be read. */
  private record Found(Optional<List<String>> labels, Optional<List<String>> branches, Optional<String> note) {}
}
