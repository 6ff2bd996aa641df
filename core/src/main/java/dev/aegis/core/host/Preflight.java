package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.model.ModelException;
import dev.aegis.core.repo.CodeHost;
import dev.aegis.core.tracker.TrackerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What a job checks before it touches a real issue: that the model can be used (a known provider, a key, a base
 * URL where one is needed) when the agent runs in this process, and that the token may push to the repository
 * when the code host says. A run that cannot work must not claim an issue and then post a public "blocked"
 * comment on it: it fails here, with every problem named, and nothing written. {@code aegis status} reports the
 * same checks.
 *
 * <p>What cannot be known before trying is caught where it happens, written down here: an installation token's
 * push access (GitHub does not report it), the repository setting that forbids Actions to open pull requests,
 * and whether the provider knows the model name (that costs a request to the provider; the first model call
 * fails and the run is blocked with the provider's answer).
 */
public final class Preflight {
  /** One check: what was checked, whether it passed, and what to do when it did not. */
  public record Check(String name, Verdict verdict, String detail) {
    public boolean failed() {
      return verdict == Verdict.FAIL;
    }
  }

  public enum Verdict { OK, UNKNOWN, FAIL }

  private final AegisConfig config;
  private final Map<String, String> environment;
  private final BiConsumer<AegisConfig, Map<String, String>> modelCheck;

  /**
   * @param modelCheck checks the model can be set up, throwing {@link ModelException} when not (the engine
   *     provider's {@link EngineProvider#check})
   */
  public Preflight(AegisConfig config, Map<String, String> environment,
      BiConsumer<AegisConfig, Map<String, String>> modelCheck) {
    this.config = config;
    this.environment = environment;
    this.modelCheck = modelCheck;
  }

  /**
   * Runs the checks.
   *
   * @param agentHere true when the agent runs in this process (the model must be usable here)
   * @param code the code host, or empty to skip the push check
   */
  public List<Check> run(boolean agentHere, Optional<CodeHost> code) {
    List<Check> checks = new ArrayList<>();
    if (agentHere) {
      checks.add(model());
    }
    code.ifPresent(c -> checks.add(push(c)));
    return checks;
  }

  private Check model() {
    String name = config.agent().isBuiltin() ? "model " + config.model() : "agent " + config.agent().display();
    try {
      modelCheck.accept(config, environment);
      return new Check(name, Verdict.OK, "provider, key and base URL are set");
    } catch (ModelException e) {
      return new Check(name, Verdict.FAIL, e.getMessage());
    }
  }

  private Check push(CodeHost code) {
    String name = "push to " + code.repository();
    try {
      Optional<Boolean> push = code.canPush();
      if (push.isEmpty()) {
        return new Check(name, Verdict.UNKNOWN, "GitHub does not report an installation token's permissions; the "
            + "workflow's permissions block must grant contents: write and pull-requests: write");
      }
      return push.get()
          ? new Check(name, Verdict.OK, "the token may push")
          : new Check(name, Verdict.FAIL, "the token can read " + code.repository() + " but not push to it: use a "
              + "token with write access (contents: write, pull-requests: write, issues: write)");
    } catch (TrackerException e) {
      return new Check(name, Verdict.FAIL, e.getMessage());
    }
  }

  /** Fails with every failed check named; does nothing when none failed. */
  public static void require(List<Check> checks) {
    List<String> failed = checks.stream().filter(Check::failed).map(c -> c.name() + ": " + c.detail()).toList();
    if (!failed.isEmpty()) {
      throw new PreflightException("Aegis checked what the run needs before touching any issue, and it cannot "
          + "work: " + String.join("; ", failed) + ". Nothing was claimed or written.");
    }
  }

  /** A job that cannot work, found before anything was written. */
  public static final class PreflightException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreflightException(String message) {
      super(message);
    }
  }
}
