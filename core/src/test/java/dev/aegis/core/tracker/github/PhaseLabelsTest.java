package dev.aegis.core.tracker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseLabelsTest {
  @Test
  void changeAddsTheTargetAndRemovesOtherPhasesOnly() {
    PhaseLabels.Change change =
        PhaseLabels.change(List.of("bug", "aegis:in-progress", "aegis:other", "Aegis:Blocked"), Phase.PR_OPENED);

    assertThat(change.add()).isEqualTo("aegis:pr-opened");
    assertThat(change.remove()).containsExactly("aegis:in-progress", "Aegis:Blocked");
  }

  @Test
  void targetAlreadyPresentIsNotAddedAgain() {
    PhaseLabels.Change change = PhaseLabels.change(List.of("AEGIS:IN-PROGRESS"), Phase.IN_PROGRESS);

    assertThat(change.isEmpty()).isTrue();
  }

  @Test
  void everyPhaseButNoneHasALook() {
    for (Phase phase : Phase.values()) {
      assertThat(PhaseLabels.LOOKS.containsKey(phase)).isEqualTo(phase != Phase.NONE);
    }
  }
}
