package hudson;

/** Mirror of {@code hudson.ExtensionPoint} (jenkins-core 2.479.3). */
public interface ExtensionPoint {}
