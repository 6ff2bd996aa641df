package dev.aegis.core.tracker.github;

import dev.aegis.core.repo.RepositoryVariables;
import dev.aegis.core.tracker.github.GitHubErrors.Need;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions repository variables over {@code /repos/{owner}/{repo}/actions/variables}. Setting tries the
 * update first (one request when the variable exists) and creates it on 404.
 */
final class GitHubVariables implements RepositoryVariables {
  private final Rest rest;
  private final GitHubErrors failures;
  private final String path;

  GitHubVariables(GitHubSettings settings, Rest rest, GitHubErrors failures) {
    this.rest = rest;
    this.failures = failures;
    this.path = "repos/" + settings.repository() + "/actions/variables";
  }

  @Override
  public Optional<String> get(String name) {
    return failures.call("reading variable " + name, Need.VARIABLES_WRITE,
        () -> rest.find(path + "/" + Mapping.segment(name), Map.of()).map(variable -> variable.path("value").asText()));
  }

  /** {@code GET /repos/{owner}/{repo}/actions/secrets}: names only, every page. */
  @Override
  public Optional<List<String>> secretNames() {
    return failures.call("listing the repository's secret names", Need.SECRETS_READ, () -> {
      List<String> names = new ArrayList<>();
      String secrets = path.substring(0, path.length() - "variables".length()) + "secrets";
      for (int page = 1; page <= 50; page++) {
        JsonNode answer = rest.get(secrets, Map.of("per_page", "100", "page", String.valueOf(page)));
        JsonNode items = answer.path("secrets");
        items.forEach(secret -> names.add(secret.path("name").asText()));
        if (items.size() < 100 || names.size() >= answer.path("total_count").asInt()) {
          break;
        }
      }
      return Optional.of(List.copyOf(names));
    });
  }

  @Override
  public void set(String name, String value) {
    failures.call("setting variable " + name, Need.VARIABLES_WRITE, () -> {
      try {
        rest.send("PATCH", path + "/" + Mapping.segment(name), Map.of("name", name, "value", value));
      } catch (GitHubHttpException e) {
        if (e.status() != 404) {
          throw e;
        }
        try {
          rest.send("POST", path, Map.of("name", name, "value", value));
        } catch (GitHubHttpException raced) {
          if (raced.status() != 409) { // created meanwhile: update it
            throw raced;
          }
          rest.send("PATCH", path + "/" + Mapping.segment(name), Map.of("name", name, "value", value));
        }
      }
      return null;
    });
  }
}
