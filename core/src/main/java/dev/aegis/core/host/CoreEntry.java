package dev.aegis.core.host;

import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.config.ConfigLoader;
import dev.aegis.core.flow.EngineProvider;
import dev.aegis.core.flow.ModelEngineProvider;
import dev.aegis.core.git.Checkout;
import dev.aegis.core.host.HostResult.Outcome;
import dev.aegis.core.policy.Programs;
import dev.aegis.core.policy.Secrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The standard {@link HostEntry}: loads configuration, opens the connection, and runs the command. Hosts
 * construct it with the no-argument constructor (Jenkins builds it on the agent that holds the workspace);
 * tests and the demo pass their own {@link Connector} and {@link EngineProvider}.
 */
public final class CoreEntry implements HostEntry {
  private final Connector connector;
  private final Clock clock;
  private final RandomGenerator random;
  private final EngineProvider engines;

  /** Connects to GitHub as configured and drives the configured model. */
  public CoreEntry() {
    this(new GitHubConnector(), Clock.systemUTC(), new SecureRandom(),
        ModelEngineProvider.detecting(Clock.systemUTC(), Programs.find()));
  }

  public CoreEntry(Connector connector, Clock clock, RandomGenerator random, EngineProvider engines) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.engines = Objects.requireNonNull(engines, "engines");
  }

  @Override
  public HostResult execute(HostRequest request, HostLog log) {
    Secrets.fromEnvironment(request.environment(), List.of(), List.of()).values().forEach(log::mask);
    Optional<String> refused = refusal(request);
    if (refused.isPresent()) {
      log.failed(refused.get());
      return HostResult.of(Outcome.INPUT_ERROR, refused.get());
    }
    try {
      AegisConfig config = new ConfigLoader().load(
          request.workspace(), request.environment(), request.overrides(), "host input");
      Secrets.fromEnvironment(request.environment(), config.list(ConfigKeys.SECRET_ENV), List.of())
          .values().forEach(log::mask);
      describe(config, log);
      if (config.paused() && request.command().honoursPause()) {
        return HostCommands.paused(log);
      }
      if (request.command() == HostCommand.RUN) {
        return new RunPrompt(request, config, log, engines, clock).run();
      }
      try (Session session = new Session(request, config, log, connector.connect(config, request.environment()),
          clock, random, engines)) {
        return new HostCommands(session).run();
      }
    } catch (RuntimeException e) {
      HostResult result = Failures.toResult(e);
      log.failed(result.message());
      return result;
    }
  }

  /** Why the request cannot be carried out, checked before anything is read or written; empty when it can. */
  private static Optional<String> refusal(HostRequest request) {
    String command = "'" + request.command().cliName() + "'";
    if (request.dryRun() && !request.command().supportsDryRun()) {
      return Optional.of(command + " has no dry run: it would write (run the agent, push, open a pull request). "
          + "Nothing was done. Drop the dry run, or use 'pickup' or 'plan' with it to see decisions.");
    }
    if (request.command().needsCheckout() && !request.dryRun() && !Checkout.isCheckout(request.workspace())) {
      return Optional.of(command + " works on the repository's code, but the workspace " + request.workspace()
          + " is not a git checkout (no .git there). Nothing was claimed or written. Check out the repository into "
          + "the workspace first and run Aegis at its top (Jenkins: checkout scm before the aegis step, outside any "
          + "dir(...) block; GitHub Actions: actions/checkout).");
    }
    return Optional.empty();
  }

  private static void describe(AegisConfig config, HostLog log) {
    log.group("Aegis configuration");
    config.describe().forEach((key, value) -> log.line(key + " = " + value + "  (" + config.sourceOf(key) + ")"));
    log.endGroup();
  }

  static Outcome outcomeOf(dev.aegis.core.flow.FlowResult result) {
    return result.status() == dev.aegis.core.flow.FlowResult.Status.BLOCKED ? Outcome.BLOCKED : Outcome.OK;
  }
}
