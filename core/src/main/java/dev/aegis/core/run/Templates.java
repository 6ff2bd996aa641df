package dev.aegis.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Markdown templates of tracker comments (resources under {@code dev/aegis/core/run/templates}).
 * Placeholders are {@code {{name}}}; a placeholder without a value is an error, so a template and its caller
 * cannot drift apart silently.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private Templates() {}

  /** Renders template {@code name} ({@code claimed} reads {@code templates/claimed.md}). */
  public static String render(String name, Map<String, String> values) {
    return render(Templates.class, "templates/" + name + ".md", values);
  }

  /** Renders the template resource {@code resource}, relative to {@code anchor}'s package. */
  public static String render(Class<?> anchor, String resource, Map<String, String> values) {
    String name = resource;
    String template = load(anchor, resource);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("template " + name + " needs a value for " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  private static String load(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no template " + resource + " beside " + anchor.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
