package dev.aegis.testkit.github;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An installation token the fake handed out, with what it was narrowed to, for assertions. */
public record MintedToken(long installationId, String token, Instant expiresAt, List<String> repositories,
    Map<String, String> permissions) {}
