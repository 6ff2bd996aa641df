package hudson;

import java.util.TreeMap;

/** Mirror of {@code hudson.EnvVars} (jenkins-core 2.479.3); the plugin reads it as a map. */
public class EnvVars extends TreeMap<String, String> {
  public EnvVars() {}
}
