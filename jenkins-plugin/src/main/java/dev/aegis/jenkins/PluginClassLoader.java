package dev.aegis.jenkins;

import java.util.function.Supplier;

/**
 * Runs core code with the plugin's class loader as the thread's context loader: libraries that look up
 * services through it (Jackson modules, OkHttp platform bits) must see the plugin's bundled jars, not
 * whatever Jenkins or the servlet container set (another plugin's Jackson, for example).
 */
final class PluginClassLoader {
  private PluginClassLoader() {}

  static <T> T call(Supplier<T> body) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(PluginClassLoader.class.getClassLoader());
    try {
      return body.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
