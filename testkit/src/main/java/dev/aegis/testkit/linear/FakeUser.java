package dev.aegis.testkit.linear;

/** A user seeded into {@link FakeLinear}, with the personal API key that authenticates as them. */
public record FakeUser(String id, String name, String email, String apiKey) {
  @Override
  public String toString() {
    return "FakeUser[" + email + "]";
  }
}
