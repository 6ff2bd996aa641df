package dev.aegis.cli.flow;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Flow tests of the fat jar: each test gets a {@link JarWorld} of its own, closed after it. */
abstract class InJarWorld {
  @TempDir Path tmp;
  JarWorld world;

  @BeforeEach
  void createWorld() {
    world = JarWorld.create(tmp);
  }

  @AfterEach
  void closeWorld() {
    world.close();
  }
}
