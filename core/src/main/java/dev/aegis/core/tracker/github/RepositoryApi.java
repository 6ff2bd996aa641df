package dev.aegis.core.tracker.github;

import java.util.function.Supplier;
import org.kohsuke.github.GHRepository;

/**
 * What the tracker and the code host of one repository share: its settings, hub4j's handle on it (fetched on
 * first use), the raw REST client, the translation of failures, the resolution of lost answers, and its API path {@code repos/{owner}/{repo}}.
 */
abstract sealed class RepositoryApi permits GitHubTracker, GitHubCodeHost {
  final GitHubSettings settings;
  final Supplier<GHRepository> repository;
  final Rest rest;
  final GitHubErrors failures;
  final LostAnswers lost;
  final String repoPath;

  RepositoryApi(GitHubSettings settings, Supplier<GHRepository> repository, Rest rest, GitHubErrors failures,
      LostAnswers lost) {
    this.settings = settings;
    this.repository = repository;
    this.rest = rest;
    this.failures = failures;
    this.lost = lost;
    this.repoPath = "repos/" + settings.repository();
  }
}
