package dev.aegis.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.ops.LocalConfigSwitch.LocalChange.Kind;
import dev.aegis.core.ops.LocalConfigSwitch.LocalEditException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigSwitchTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve(".aegis/config.yml");
  }

  private void write(String text) throws Exception {
    Files.createDirectories(dir.resolve(".aegis"));
    Files.writeString(file(), text);
  }

  private int loaded() {
    return new ConfigLoader().load(dir, Map.of(), Map.of(), "test").maxConcurrentRuns();
  }

  @Test
  void onlyTheKeyLineChangesAndItsCommentKeepsItsColumn() throws Exception {
    write(OpsFixture.CONFIG);

    assertThat(LocalConfigSwitch.set(dir, 0).kind()).isEqualTo(Kind.UPDATED);

    assertThat(Files.readString(file())).isEqualTo(OpsFixture.CONFIG.replace(
        "max-concurrent-runs: 1        # 0 pauses", "max-concurrent-runs: 0        # 0 pauses"));
    assertThat(loaded()).isZero();
  }

  @Test
  void aWiderValueStillKeepsOneSpaceBeforeTheComment() throws Exception {
    write("max-concurrent-runs: 1 # pause switch\nmode: auto\n");

    LocalConfigSwitch.set(dir, 12);

    assertThat(Files.readString(file())).isEqualTo("max-concurrent-runs: 12 # pause switch\nmode: auto\n");
  }

  @Test
  void settingTheValueItAlreadyHasLeavesTheFileUntouched() throws Exception {
    write("max-concurrent-runs: '0'   # quoted\n");
    long modified = Files.getLastModifiedTime(file()).toMillis();

    LocalConfigSwitch.LocalChange change = LocalConfigSwitch.set(dir, 0);

    assertThat(change.kind()).isEqualTo(Kind.UNCHANGED);
    assertThat(change.before()).contains("0");
    assertThat(Files.readString(file())).isEqualTo("max-concurrent-runs: '0'   # quoted\n");
    assertThat(Files.getLastModifiedTime(file()).toMillis()).isEqualTo(modified);
  }

  @Test
  void aFileWithoutTheKeyGetsItAppended() throws Exception {
    write("# mine\nmode: auto");

    assertThat(LocalConfigSwitch.set(dir, 0).kind()).isEqualTo(Kind.KEY_ADDED);

    assertThat(Files.readString(file())).isEqualTo("# mine\nmode: auto\nmax-concurrent-runs: 0\n");
    assertThat(loaded()).isZero();
  }

  @Test
  void aMissingFileIsCreatedAndLoadsCleanly() throws Exception {
    assertThat(LocalConfigSwitch.set(dir, 0).kind()).isEqualTo(Kind.CREATED);

    assertThat(Files.readString(file())).contains("max-concurrent-runs: 0");
    assertThat(loaded()).isZero();
  }

  @Test
  void windowsLineEndingsStayWindowsLineEndings() throws Exception {
    write("mode: auto\r\nmax-concurrent-runs: 3\r\n# end\r\n");

    LocalConfigSwitch.set(dir, 0);

    assertThat(Files.readString(file())).isEqualTo("mode: auto\r\nmax-concurrent-runs: 0\r\n# end\r\n");
  }

  @Test
  void theYamlSpellingOfTheFileIsEditedWhenThatIsTheOneThere() throws Exception {
    Files.createDirectories(dir.resolve(".aegis"));
    Files.writeString(dir.resolve(".aegis/config.yaml"), "max-concurrent-runs: 2\n");

    LocalConfigSwitch.set(dir, 0);

    assertThat(Files.readString(dir.resolve(".aegis/config.yaml"))).isEqualTo("max-concurrent-runs: 0\n");
    assertThat(file()).doesNotExist();
  }

  @Test
  void aKeyWrittenInAFormItCannotEditIsRefusedAndTheFileKept() throws Exception {
    write("{mode: auto, max-concurrent-runs: 2}\n");

    assertThatThrownBy(() -> LocalConfigSwitch.set(dir, 0))
        .isInstanceOf(LocalEditException.class).hasMessageContaining("by hand");
    assertThat(Files.readString(file())).isEqualTo("{mode: auto, max-concurrent-runs: 2}\n");
  }

  @Test
  void aKeySetTwiceIsRefusedWithBothLineNumbers() throws Exception {
    write("max-concurrent-runs: 1\nmode: auto\nmax-concurrent-runs: 2\n");

    assertThatThrownBy(() -> LocalConfigSwitch.set(dir, 0))
        .isInstanceOf(LocalEditException.class).hasMessageContaining("twice (lines 1 and 3)");
  }
}
