package dev.aegis.cli;

import dev.aegis.core.host.HostLog;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Base of the CLI's logs: replaces every masked value with {@code ***} in whatever it prints. */
abstract class MaskingLog implements HostLog {
  private final Set<String> secrets =
      new ConcurrentSkipListSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));

  @Override
  public void mask(String secret) {
    if (secret != null && secret.length() >= 4) {
      secrets.add(secret);
    }
  }

  /** {@code text} with every masked value replaced. */
  String redact(String text) {
    String out = text == null ? "" : text;
    for (String s : secrets) {
      out = out.replace(s, "***");
    }
    return out;
  }

  Set<String> masked() {
    return secrets;
  }
}
