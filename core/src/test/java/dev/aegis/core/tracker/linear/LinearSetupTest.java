package dev.aegis.core.tracker.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.tracker.Phase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinearSetupTest {
  private final LinearFixture fx = new LinearFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void setupListsTheTeamsTheKeyCanSeeByNameAndKey() {
    fx.linear.team("OPS", "Operations");

    List<LinearTeam> teams = LinearTracker.teams(fx.connection(fx.aegis.apiKey()), fx.runtime());

    assertThat(teams).extracting(LinearTeam::display).containsExactlyInAnyOrder(
        "Engineering (ENG)", "Operations (OPS)");
  }

  @Test
  void aTeamIsPickedByKeyNameOrDisplayIgnoringCase() {
    List<LinearTeam> teams = List.of(new LinearTeam("1", "ENG", "Engineering"), new LinearTeam("2", "OPS", "Ops"));

    assertThat(LinearTeam.pick(teams, "eng").id()).isEqualTo("1");
    assertThat(LinearTeam.pick(teams, "Engineering").id()).isEqualTo("1");
    assertThat(LinearTeam.pick(teams, "engineering (eng)").id()).isEqualTo("1");
    assertThat(LinearTeam.pick(teams, " OPS ").id()).isEqualTo("2");
  }

  @Test
  void anUnknownTeamIsAClearErrorListingTheTeamsThatExist() {
    LinearTracker tracker = fx.tracker(LinearSettings.of(fx.connection(fx.aegis.apiKey()), "Platform"));

    assertThatThrownBy(tracker::readyIssues)
        .isInstanceOf(LinearConfigException.class)
        .hasMessageContaining("'Platform'")
        .hasMessageContaining("Engineering (ENG)")
        .satisfies(e -> assertThat(((LinearConfigException) e).setting()).isEqualTo("linear.team"));
  }

  @Test
  void aWorkflowStateThatDoesNotExistIsNamedWithItsSettingAndTheValidStates() {
    LinearTracker tracker = fx.tracker(
        fx.settings().withPhase(Phase.IN_PROGRESS, new PhaseTarget("In Progres", "aegis:in-progress")));

    assertThatThrownBy(tracker::readyIssues)
        .isInstanceOf(LinearConfigException.class)
        .hasMessageContaining("'In Progres' (linear.states.in-progress)")
        .hasMessageContaining("Engineering (ENG)")
        .hasMessageContaining("Backlog, Todo, In Progress, In Review, Done, Canceled, Duplicate")
        .satisfies(e -> assertThat(((LinearConfigException) e).choices()).contains("In Progress"));
  }

  @Test
  void aLabelThatDoesNotExistIsNamedWithItsSettingAndTheValidLabels() {
    LinearTracker tracker = fx.tracker(fx.settings().withBugLabel("bug-report"));

    assertThatThrownBy(tracker::readyIssues)
        .isInstanceOf(LinearConfigException.class)
        .hasMessageContaining("'bug-report' (linear.bug-label)")
        .hasMessageContaining("Bug, Feature, ready to implement");
  }

  @Test
  void namesAreMatchedIgnoringCaseAndTeamLabelsWin() {
    fx.linear.label(fx.eng, "bug");
    String id = fx.linear.issue(fx.eng, fx.reporter, "team label").labels("bug", "ready to implement").create();
    fx.readyBug("workspace label");

    assertThat(fx.tracker(fx.settings().withBugLabel("bug")).readyIssues())
        .extracting(i -> i.key().id()).containsExactly(id);
  }

  @Test
  void namesAreMappedToIdsOncePerTracker() {
    fx.readyBug("Checkout crashes");
    LinearTracker tracker = fx.tracker();

    tracker.readyIssues();
    tracker.issuesIn(Phase.IN_PROGRESS);
    tracker.readyIssues();

    assertThat(fx.linear.requests("teams")).isEqualTo(1);
    assertThat(fx.linear.requests("workflowStates")).isEqualTo(1);
    assertThat(fx.linear.requests("issueLabels")).isEqualTo(1);
    assertThat(fx.linear.requests("issues")).isEqualTo(3);
  }

  @Test
  void settingsNeedAReadySignalAndKeepTheKeyOutOfToString() {
    LinearConnection connection = fx.connection("lin_api_secret123");

    assertThatThrownBy(() -> LinearSettings.of(connection, "ENG").withReady(" ", null))
        .hasMessageContaining("linear.ready-state");
    assertThat(connection.toString()).doesNotContain("secret123");
    assertThat(LinearSettings.of(connection, "ENG").toString()).doesNotContain("secret123");
    assertThat(LinearSettings.of(connection, "ENG").target(Phase.PR_OPENED).label()).isEqualTo("aegis:pr-opened");
  }
}
