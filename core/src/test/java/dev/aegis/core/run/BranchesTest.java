package dev.aegis.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.tracker.IssueKey;
import org.junit.jupiter.api.Test;

class BranchesTest {

  @Test
  void branchNameIsPrefixIssueAndSlug() {
    assertThat(Branches.forIssue(IssueKey.github(123), "Checkout crashes on EMPTY cart!"))
        .isEqualTo("aegis/123-checkout-crashes-on-empty-cart");
  }

  @Test
  void hostileTitlesCannotEscapeTheRefNamespace() {
    String name = Branches.forIssue(IssueKey.github(7), "../../refs/heads/main; rm -rf / `x` $(id) ~^:?*[\\");
    assertThat(name).matches("aegis/7-[a-z0-9-]+").doesNotContain("..");
  }

  @Test
  void accentsAreFoldedAndLongTitlesCut() {
    String name = Branches.forIssue(new IssueKey("linear", "ENG-950"),
        "Ça ne marche pas quand l'utilisateur clique très très vite sur le bouton payer");
    assertThat(name).startsWith("aegis/eng-950-ca-ne-marche-pas");
    assertThat(name.length()).isLessThanOrEqualTo("aegis/eng-950-".length() + 40);
    assertThat(name).doesNotEndWith("-");
  }

  @Test
  void aTitleWithNoUsableCharactersGetsAFallbackSlug() {
    assertThat(Branches.forIssue(IssueKey.github(5), "🔥🔥🔥")).isEqualTo("aegis/5-fix");
  }
}
