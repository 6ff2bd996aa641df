package dev.aegis.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.core.agent.Engine;
import dev.aegis.core.agent.Engines;
import dev.aegis.core.agent.LoopSettings;
import dev.aegis.core.agent.Progress;
import dev.aegis.core.config.AegisConfig;
import dev.aegis.core.config.ConfigKeys;
import dev.aegis.core.model.ModelClients;
import dev.aegis.core.model.ModelSettings;
import dev.aegis.core.policy.CommandSandbox;
import dev.aegis.core.support.LocalPostgres;
import dev.aegis.core.support.ShopDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the flow: in production context with DATABASE_URL, the plan run's agent queries a real
 * PostgreSQL, and the RCA posted on the issue cites the query, with the password nowhere.
 */
class ProductionPlanFlowTest {
  static final String QUERY = "SELECT id, currency, status FROM orders WHERE currency NOT IN ('EUR')";
  static final String PLAN = """
      {"steps": [
        {"toolCalls": [{"name": "describe_schema", "arguments": {}}]},
        {"expectToolResultContains": "public.orders (~4 rows)",
         "toolCalls": [{"name": "sql_query", "arguments": {"query": "%1$s"}}]},
        {"expectToolResultContains": "1003 | eur | failed",
         "toolCalls": [{"name": "finish", "arguments": {
           "summary": "Order 1003 is stored with currency 'eur' in lower case and fails; the code expects 'EUR'.",
           "root_cause": "The currency comparison is case-sensitive and one row holds a lower-case currency.",
           "evidence": [{"file": "src/calc.sh", "line": 4, "note": "where the value is used"},
             {"file": "sql_query", "line": 0, "note": "%1$s returned 1003 | eur | failed"}],
           "fix_plan": "Compare currencies case-insensitively.", "test_plan": "sh test.sh", "risk": "low"}}]}
      ]}""".formatted(QUERY);

  private static LocalPostgres pg;
  @TempDir Path tmp;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = LocalPostgres.start();
    ShopDatabase.create(pg);
  }

  @AfterAll
  static void stopPostgres() {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void theRcaOfAPlanInProductionContextCitesTheQueryThatFoundTheBadRow() throws Exception {
    FlowWorld world = FlowWorld.create(tmp.resolve("world"));
    world.settings.put(ConfigKeys.CONTEXT, "production");
    world.env.put("DATABASE_URL", pg.url(ShopDatabase.READER, ShopDatabase.READER_PASSWORD, "shop"));
    Path script = Files.writeString(tmp.resolve("plan.json"), PLAN);
    world.engineProvider = new OneScript(script);

    FlowResult planned = world.claimAndPlan();

    assertThat(planned.status()).isEqualTo(FlowResult.Status.AWAITING_APPROVAL);
    assertThat(world.statusText()).contains(QUERY).contains("1003 | eur | failed")
        .doesNotContain(ShopDatabase.READER_PASSWORD);
    assertThat(String.join("\n", world.progress)).contains("production context")
        .doesNotContain(ShopDatabase.READER_PASSWORD);
  }

  @Test
  void inMinimalContextThePlanHasNoDatabaseTools() throws Exception {
    FlowWorld world = FlowWorld.create(tmp.resolve("world"));
    world.env.put("DATABASE_URL", pg.url(ShopDatabase.READER, ShopDatabase.READER_PASSWORD, "shop"));
    Path script = Files.writeString(tmp.resolve("plan.json"), PLAN);
    world.engineProvider = new OneScript(script);

    world.claimAndPlan();

    assertThat(String.join("\n", world.progress)).doesNotContain("production context");
    assertThat(world.statusText()).doesNotContain("1003 | eur | failed");
  }

  private static final class OneScript implements EngineProvider {
    private final Path file;

    OneScript(Path file) {
      this.file = file;
    }

    @Override
    public Engine engine(AegisConfig config, Map<String, String> environment, Progress progress) {
      return Engines.loop(ModelClients.create("scripted/" + file.toAbsolutePath(), ModelSettings.of(environment)),
          LoopSettings.of(environment, sandbox(), progress));
    }

    @Override
    public CommandSandbox sandbox() {
      return dev.aegis.core.support.Sandboxes.DETECTED;
    }
  }
}
