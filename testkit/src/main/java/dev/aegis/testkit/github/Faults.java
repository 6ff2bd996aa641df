package dev.aegis.testkit.github;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Armed failures: the next N calls to a route answer with a {@link Fault} instead of being served. */
final class Faults {
  private final List<Armed> armed = new ArrayList<>();

  synchronized void arm(String method, String route, int times, Fault fault) {
    armed.add(new Armed(method.toUpperCase(java.util.Locale.ROOT), route, fault, new int[] {times}));
  }

  /** The fault for this call, if one is armed; using it counts down its remaining uses. */
  synchronized Optional<Fault> take(String method, String route) {
    Iterator<Armed> it = armed.iterator();
    while (it.hasNext()) {
      Armed a = it.next();
      if (a.method().equals(method) && a.route().equals(route)) {
        if (--a.left()[0] <= 0) {
          it.remove();
        }
        return Optional.of(a.fault());
      }
    }
    return Optional.empty();
  }

  synchronized void clear() {
    armed.clear();
  }

  private record Armed(String method, String route, Fault fault, int[] left) {}
}
