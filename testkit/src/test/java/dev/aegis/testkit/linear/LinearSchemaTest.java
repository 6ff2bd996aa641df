package dev.aegis.testkit.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The fake's schema is cut out of Linear's official one by {@link LinearSubset}, never written by hand, and the
 * official one is exactly the file Linear publishes.
 */
class LinearSchemaTest {
  private static final String SUBSET_SOURCE = "src/main/resources" + LinearContract.RESOURCE;

  @Test
  void theOfficialSchemaIsTheFileLinearPublishes() throws Exception {
    byte[] bytes = LinearContract.read(LinearSubset.OFFICIAL).getBytes(StandardCharsets.UTF_8);

    assertThat(bytes).hasSize(1_254_430);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .isEqualTo("b00d24d8d252a306f5e2088267b1a17dd6e4442f8b793928410b8d4673a7081d");
  }

  @Test
  void theFakesSchemaIsExactlyWhatTheGeneratorCutsOutOfLinearsSchema() throws Exception {
    String generated = LinearSubset.generate(LinearContract.read(LinearSubset.OFFICIAL));
    if (Boolean.getBoolean("aegis.linear.regenerate")) {
      Files.writeString(Path.of(SUBSET_SOURCE), generated);
    }

    assertThat(LinearContract.read(LinearContract.RESOURCE))
        .as("linear-subset.graphql is generated; regenerate it as testkit/src/main/resources/dev/aegis/testkit/"
            + "linear/NOTICE.md says")
        .isEqualTo(generated);
  }
}
