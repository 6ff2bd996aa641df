package dev.aegis.core.repo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit as the code host reports it.
 *
 * @param sha commit id
 * @param tree tree id
 * @param parents parent commit ids
 * @param message full message
 * @param committedAt committer date
 */
public record CommitInfo(String sha, String tree, List<String> parents, String message, Instant committedAt) {
  public CommitInfo {
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(tree, "tree");
    parents = List.copyOf(parents);
    message = Objects.requireNonNullElse(message, "");
    Objects.requireNonNull(committedAt, "committedAt");
  }
}
