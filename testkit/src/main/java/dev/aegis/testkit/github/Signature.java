package dev.aegis.testkit.github;

import java.time.Instant;
import java.util.Objects;

/** Who wrote or committed a commit, and when. */
record Signature(String name, String email, Instant when) {
  Signature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(when, "when");
  }

  /** The form git's {@code GIT_*_DATE} variables accept: seconds since the epoch and a UTC offset. */
  String gitDate() {
    return "@" + when.getEpochSecond() + " +0000";
  }
}
