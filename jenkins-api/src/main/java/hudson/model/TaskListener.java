package hudson.model;

import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Mirror of {@code hudson.model.TaskListener} (jenkins-core 2.479.3): only what the plugin uses. */
public interface TaskListener extends SerializableOnlyOverRemoting {
  PrintStream getLogger();
}
