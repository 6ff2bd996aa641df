package dev.aegis.testkit.github;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Armed failures. A failure matches requests by method and by route template or path; it lets the first
 * {@code skip} matching requests through, then strikes the next {@code times} of them.
 */
final class Faults {
  private final List<Entry> armed = new ArrayList<>();

  /** The next {@code times} calls of {@code method} on the route template {@code route} fail before serving. */
  synchronized ArmedFault arm(String method, String route, int times, Fault fault) {
    return add(method, method + " " + route, (r, p) -> r.equals(route), 0, times, Fault.When.BEFORE, fault);
  }

  /** The {@code n}-th call (1-based) of {@code method} whose path matches {@code pathPattern} fails once. */
  synchronized ArmedFault armNth(String method, String pathPattern, int n, Fault.When when, Fault fault) {
    if (n < 1) {
      throw new IllegalArgumentException("n counts from 1: " + n);
    }
    Pattern pattern = Pattern.compile(pathPattern);
    return add(method, method + " " + pathPattern + " #" + n, (r, p) -> pattern.matcher(p).matches(), n - 1, 1,
        when, fault);
  }

  private ArmedFault add(String method, String what, BiPredicate<String, String> matches, int skip, int times,
      Fault.When when, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("a fault strikes at least once: " + times);
    }
    ArmedFault handle = new ArmedFault(what + " " + when.name().toLowerCase(Locale.ROOT) + " serving: " + fault, when,
        fault);
    armed.add(new Entry(method.toUpperCase(Locale.ROOT), matches, handle, new int[] {skip, times}));
    return handle;
  }

  /** The fault for this call, if one strikes it; counts down the matching entries. */
  synchronized Optional<ArmedFault> take(String method, String route, String path) {
    Iterator<Entry> it = armed.iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (!e.method().equals(method) || !e.matches().test(route, path)) {
        continue;
      }
      int[] left = e.left();
      if (left[0] > 0) {
        left[0]--;
        continue;
      }
      if (--left[1] <= 0) {
        it.remove();
      }
      e.handle().strike();
      return Optional.of(e.handle());
    }
    return Optional.empty();
  }

  synchronized void clear() {
    armed.clear();
  }

  private record Entry(String method, BiPredicate<String, String> matches, ArmedFault handle, int[] left) {}
}
