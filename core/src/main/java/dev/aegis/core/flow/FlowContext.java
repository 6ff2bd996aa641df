package dev.aegis.core.flow;

import dev.aegis.core.git.Checkout;
import dev.aegis.core.git.Git;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.tracker.Tracker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a run's flow works with.
 *
 * @param tracker where the issue lives
 * @param code where the branch and pull request go
 * @param agent what the agent runs need
 * @param dispatchOnly true on hosts that hand agent work to workers (the Jenkins controller): approvals and
 *     claims are recorded, and the plan or implement step is returned as {@link FlowResult.Status#QUEUED}
 */
public record FlowContext(Tracker tracker, CodeHost code, AgentContext agent, boolean dispatchOnly) {

  public FlowContext {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(agent, "agent");
  }

  public AegisConfig config() {
    return agent.config();
  }

  public Map<String, String> environment() {
    return agent.environment();
  }

  public Path workspace() {
    return agent.workspace();
  }

  public Clock clock() {
    return agent.clock();
  }

  public EngineProvider engines() {
    return agent.engines();
  }

  public Consumer<String> progress() {
    return agent.progress();
  }

  /** The workspace's checkout, through Aegis's own hardened git. */
  public Checkout checkout() {
    return new Checkout(new Git(engines().programs(), workspace()));
  }

  /** The token for pushing to {@code origin}, when there is one. */
  public String pushToken() {
    java.util.Optional<String> held = code().pushToken();
    if (held.isPresent()) {
      return held.get();
    }
    String t = agent.environment().get("GITHUB_TOKEN");
    return t == null || t.isBlank() ? agent.environment().get("GH_TOKEN") : t;
  }
}
