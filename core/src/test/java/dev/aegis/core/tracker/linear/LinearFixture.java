package dev.aegis.core.tracker.linear;

import dev.aegis.core.support.MutableClock;
import dev.aegis.core.tracker.Phase;
import dev.aegis.testkit.linear.FakeLinear;
import dev.aegis.testkit.linear.FakeTeam;
import dev.aegis.testkit.linear.FakeUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * A fake Linear workspace with team Engineering (ENG), the labels Aegis's defaults name, and three people: the
 * user Aegis's API key belongs to, a maintainer (the approver) and a reporter. The client's clock stands still
 * and its sleeper only records, so no test waits.
 */
final class LinearFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  final MutableClock linearClock = new MutableClock(NOW.minus(Duration.ofDays(1)));
  final FakeLinear linear = FakeLinear.start(linearClock);
  final FakeTeam eng = linear.team("ENG", "Engineering");
  final FakeUser aegis = linear.user("Aegis Bot", "aegis@example.com");
  final FakeUser maintainer = linear.user("Maya Maintainer", "maya@example.com");
  final FakeUser reporter = linear.user("Rick Reporter", "rick@example.com");
  final List<Duration> sleeps = new ArrayList<>();
  private final OkHttpClient http = new OkHttpClient();

  LinearFixture() {
    linear.label("Bug");
    linear.label("Feature");
    linear.label("ready to implement");
    for (Phase phase : Phase.values()) {
      if (phase != Phase.NONE) {
        linear.label(phase.label());
      }
    }
  }

  LinearConnection connection(String apiKey) {
    return new LinearConnection(linear.endpoint(), apiKey);
  }

  LinearRuntime runtime() {
    return LinearRuntime.defaults().withHttp(http).withClock(new MutableClock(NOW), sleeps::add);
  }

  LinearSettings settings() {
    return LinearSettings.of(connection(aegis.apiKey()), "ENG").withApprovers(List.of(maintainer.email()));
  }

  LinearTracker tracker() {
    return tracker(settings());
  }

  LinearTracker tracker(LinearSettings settings) {
    return LinearTracker.create(settings, runtime());
  }

  /** A bug with the default ready signal, filed by the reporter; returns its identifier. */
  String readyBug(String title) {
    return linear.issue(eng, reporter, title)
        .description("Checkout fails with a 500 when the cart is empty.")
        .labels("Bug", "ready to implement")
        .create();
  }

  @Override
  public void close() {
    linear.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
