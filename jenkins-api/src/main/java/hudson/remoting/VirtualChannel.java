package hudson.remoting;

/** Mirror of {@code hudson.remoting.VirtualChannel} (remoting); no member is used. */
public interface VirtualChannel {}
