package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Mirror of {@code hudson.FilePath} (jenkins-core 2.479.3): only the members the plugin uses. */
public final class FilePath implements SerializableOnlyOverRemoting {
  private static final long serialVersionUID = 1L;

  public FilePath(File localPath) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public String getRemote() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public String getName() {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public FilePath sibling(String rel) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public FilePath child(String relOrAbsolute) {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public boolean exists() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public void deleteRecursive() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public int copyRecursiveTo(String fileMask, FilePath target) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only mirror");
  }

  /** Mirror of {@code hudson.FilePath$FileCallable}. */
  public interface FileCallable<T> extends Serializable, RoleSensitive {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }
}
