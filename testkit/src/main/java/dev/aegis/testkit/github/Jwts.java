package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a GitHub App's JWT as GitHub documents it ("Generating a JSON Web Token for a GitHub App"): RS256,
 * {@code iss} the App's id (or client id), {@code iat} not in the future (GitHub advises 60 s in the past
 * against clock drift), {@code exp} in the future and at most 10 minutes after {@code iat}, and a signature that
 * verifies with the App's public key. Anything else authenticates nobody (401).
 */
final class Jwts {
  private Jwts() {}

  static boolean looksLikeJwt(String token) {
    return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
  }

  static Optional<FakeApp> verify(String jwt, Accounts accounts, Instant now) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = Shapes.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = Shapes.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (!"RS256".equals(header.path("alg").asText())) {
        return Optional.empty();
      }
      long iss = Long.parseLong(claims.path("iss").asText("-1"));
      Optional<FakeApp> app = accounts.app(iss);
      if (app.isEmpty()) {
        return Optional.empty();
      }
      long iat = claims.path("iat").asLong(-1);
      long exp = claims.path("exp").asLong(-1);
      long t = now.getEpochSecond();
      if (iat < 0 || exp < 0 || iat > t + 5 || exp <= t || exp - iat > 600) {
        return Optional.empty();
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(app.get().publicKey());
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(Base64.getUrlDecoder().decode(parts[2])) ? app : Optional.empty();
    } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
