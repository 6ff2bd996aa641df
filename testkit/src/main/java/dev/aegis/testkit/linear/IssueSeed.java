package dev.aegis.testkit.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An issue about to be seeded into {@link FakeLinear}; {@link #create()} adds it and returns its identifier. */
public final class IssueSeed {
  private final FakeLinear fake;
  final FakeTeam team;
  final FakeUser creator;
  final String title;
  final List<String> labels = new ArrayList<>();
  String description = "";
  String state = "Todo";

  IssueSeed(FakeLinear fake, FakeTeam team, FakeUser creator, String title) {
    this.fake = fake;
    this.team = Objects.requireNonNull(team, "team");
    this.creator = creator;
    this.title = Objects.requireNonNull(title, "title");
  }

  public IssueSeed description(String text) {
    this.description = text;
    return this;
  }

  /** The workflow state by name; {@code Todo} unless set. */
  public IssueSeed state(String name) {
    this.state = name;
    return this;
  }

  /** Labels by name (team labels first, then workspace labels). */
  public IssueSeed labels(String... names) {
    labels.addAll(List.of(names));
    return this;
  }

  /** Adds the issue; returns its identifier, for example {@code ENG-1}. */
  public String create() {
    return fake.create(this);
  }
}
