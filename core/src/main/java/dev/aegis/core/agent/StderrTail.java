package dev.aegis.core.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Drains a process's standard error on a daemon thread, keeping only its last characters for an error note. */
final class StderrTail {
  static final int KEEP = 600;
  private final StringBuilder tail = new StringBuilder();

  StderrTail(InputStream stderr) {
    Thread t = new Thread(() -> drain(stderr), "acp-agent-stderr");
    t.setDaemon(true);
    t.start();
  }

  private void drain(InputStream stderr) {
    char[] buffer = new char[4096];
    try (Reader in = new InputStreamReader(stderr, StandardCharsets.UTF_8)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (tail) {
          tail.append(buffer, 0, n);
          if (tail.length() > KEEP * 4) {
            tail.delete(0, tail.length() - KEEP);
          }
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  /** The last {@value #KEEP} characters, on one line (unredacted: the caller redacts). */
  String tail() {
    try {
      Thread.sleep(50); // let the drain catch up with a process that just died
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (tail) {
      String text = tail.length() > KEEP ? tail.substring(tail.length() - KEEP) : tail.toString();
      return text.strip().replaceAll("\\s+", " ");
    }
  }
}
