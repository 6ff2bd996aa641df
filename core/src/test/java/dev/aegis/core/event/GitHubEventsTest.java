package dev.aegis.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GitHub sends whole numbers; anything else is a malformed (or forged) payload, never rounded to an issue. */
class GitHubEventsTest {
  private final GitHubEvents events = new GitHubEvents();

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "\"7\"", "-3", "0", "true", "1e3"})
  void anIssueNumberThatIsNotAPositiveWholeNumberIsRefused(String number) {
    assertThatThrownBy(() -> events.parse("issues", "{\"action\":\"labeled\",\"issue\":{\"number\":" + number
        + "},\"sender\":{\"login\":\"dana\",\"type\":\"User\"}}")).isInstanceOf(EventException.class)
        .hasMessageContaining("no valid number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "\"12\"", "-1"})
  void aCommentIdThatIsNotAPositiveWholeNumberIsRefused(String id) {
    assertThatThrownBy(() -> events.parse("issue_comment", "{\"action\":\"created\",\"issue\":{\"number\":3},"
        + "\"comment\":{\"id\":" + id + ",\"body\":\"/aegis proceed 3-abcdef\",\"user\":{\"login\":\"maya\"}}}"))
        .isInstanceOf(EventException.class).hasMessageContaining("comment.id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "12345"})
  void aWholeNumberIsRead(String number) {
    GitHubEvent e = events.parse("issues", "{\"action\":\"labeled\",\"issue\":{\"number\":" + number
        + "},\"sender\":{\"login\":\"dana\",\"type\":\"User\"}}");
    assertThat(((GitHubEvent.IssuesEvent) e).number()).isEqualTo(Integer.parseInt(number));
  }
}
