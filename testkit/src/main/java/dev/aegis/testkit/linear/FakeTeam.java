package dev.aegis.testkit.linear;

/** A team seeded into {@link FakeLinear}. */
public record FakeTeam(String id, String key, String name) {}
