package hudson.model;

/** Mirror of {@code hudson.model.Queue} (jenkins-core 2.479.3): only the nested types the plugin names. */
public class Queue {
  private Queue() {}

  /** Mirror of {@code hudson.model.Queue$Task}. */
  public interface Task {}

  /** Mirror of {@code hudson.model.Queue$Executable}. */
  public interface Executable {}

  /** Mirror of {@code hudson.model.Queue$Item}. */
  public abstract static class Item {
    protected Item() {}
  }
}
