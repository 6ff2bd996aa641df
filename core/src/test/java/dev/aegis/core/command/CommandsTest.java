package dev.aegis.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.command.Command.Verb;
import org.junit.jupiter.api.Test;

class CommandsTest {

  private static Command valid(String body) {
    Commands.Parsed p = Commands.parse(body);
    assertThat(p).isInstanceOf(Commands.Valid.class);
    return ((Commands.Valid) p).command();
  }

  @Test
  void proceedStopAndAskAreRead() {
    assertThat(valid("/aegis proceed 12-abc123")).isEqualTo(new Command(Verb.PROCEED, "12-abc123", ""));
    assertThat(valid("Looks right.\n/aegis stop 12-abc123")).isEqualTo(new Command(Verb.STOP, "12-abc123", ""));
    assertThat(valid("/AEGIS Ask 12-abc123 does it also happen on mobile?"))
        .isEqualTo(new Command(Verb.ASK, "12-abc123", "does it also happen on mobile?"));
  }

  @Test
  void ordinaryCommentsAreNotCommands() {
    assertThat(Commands.parse("Thanks, /aegis is great")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("/aegisproceed 12-abc123")).isInstanceOf(Commands.NotACommand.class);
  }

  @Test
  void quotedAndFencedCommandsAreNotIssued() {
    assertThat(Commands.parse("> /aegis proceed 12-abc123\nI agree with the above")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("```\n/aegis proceed 12-abc123\n```")).isInstanceOf(Commands.NotACommand.class);
  }

  @Test
  void aCommandInAnIndentedCodeBlockIsNotIssued() {
    assertThat(Commands.parse("Example:\n\n    /aegis proceed 1-abcdef\n")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("Example:\n\n\t/aegis proceed 1-abcdef\n")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("  /aegis proceed 1-abcdef")).isInstanceOf(Commands.Valid.class);
  }

  @Test
  void commandsHiddenInHtmlCommentsOrInvisibleCharactersDoNotCount() {
    assertThat(Commands.parse("nice <!-- \n/aegis proceed 12-abc123\n -->")).isInstanceOf(Commands.NotACommand.class);
    assertThat(valid("/ae\u200Bgis proceed 12-abc123").verb()).isEqualTo(Verb.PROCEED);
  }

  @Test
  void malformedCommandsExplainTheUsage() {
    assertThat(Commands.parse("/aegis")).isInstanceOf(Commands.Invalid.class);
    assertThat(((Commands.Invalid) Commands.parse("/aegis merge 12-abc123")).problem())
        .startsWith("'merge' is not a command").contains("/aegis proceed <run-id>");
    assertThat(((Commands.Invalid) Commands.parse("/aegis proceed")).problem()).contains("needs the run id");
    assertThat(((Commands.Invalid) Commands.parse("/aegis proceed ../../etc")).problem()).contains("needs the run id");
    assertThat(((Commands.Invalid) Commands.parse("/aegis ask 12-abc123")).problem()).contains("needs the question");
  }

  @Test
  void aCommandInTheMiddleOfASentenceIsNotCarriedOutAndTheAnswerSaysCommandsStartALine() {
    Commands.Parsed p = Commands.parse("Looks right. /aegis proceed 1-bp8pk5");

    assertThat(p).isInstanceOf(Commands.Invalid.class);
    assertThat(((Commands.Invalid) p).problem()).contains("a command must start a line",
        "Post it again on a line of its own: `/aegis proceed 1-bp8pk5`");
    assertThat(Commands.parse("I think /aegis stop 12-abc123. would be wrong")).isInstanceOf(Commands.Invalid.class);
  }

  @Test
  void aMentionOrInlineCodeInTheMiddleOfASentenceStaysAnOrdinaryComment() {
    assertThat(Commands.parse("Thanks, /aegis is great")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("Reply with `/aegis proceed 1-bp8pk5` when ready")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("> Looks right. /aegis proceed 1-bp8pk5")).isInstanceOf(Commands.NotACommand.class);
    assertThat(Commands.parse("see /aegis proceed <run-id> in the docs")).isInstanceOf(Commands.NotACommand.class);
  }
}
