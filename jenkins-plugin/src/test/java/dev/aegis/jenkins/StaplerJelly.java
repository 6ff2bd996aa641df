package dev.aegis.jenkins;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.jelly.JellyContext;
import org.apache.commons.jelly.expression.Expression;
import org.apache.commons.jelly.expression.ExpressionFactory;
import org.apache.commons.jelly.expression.jexl.JexlExpressionFactory;
import org.apache.commons.jelly.parser.XMLParser;
import org.kohsuke.stapler.jelly.InternationalizedStringExpression;
import org.kohsuke.stapler.jelly.ResourceBundle;
import org.kohsuke.stapler.jelly.StaplerTagLibrary;

/**
 * Compiles a Jelly view the way Stapler (Jenkins' web layer) does: {@code ${%...}} becomes Stapler's own
 * {@link InternationalizedStringExpression} (where a parenthesis starts the message's arguments, each a JEXL
 * expression), every other {@code ${...}} a JEXL expression, {@code jelly:stapler} is Stapler's tag library.
 *
 * <p>The XML and tag layer is Apache commons-jelly 1.0.1: Jenkins runs a fork of it ({@code
 * org.jenkins-ci:commons-jelly}) that only the unreachable Jenkins repository serves, and Stapler's own {@code
 * CustomJellyContext} calls the fork's additions ({@code setEscapeByDefault}). Expressions, where issue 9's views
 * broke, are parsed by Stapler's classes exactly as in Jenkins. Tags of Jenkins' own libraries ({@code /lib/form},
 * {@code /lib/credentials}) are not on this classpath: Jelly keeps them as static tags, their attributes still
 * compiled. So a view that passes here can still misuse a Jenkins tag; one that fails here fails in Jenkins.
 */
final class StaplerJelly {
  /** Jelly logs every failed tag at WARNING before throwing; the exception carries the same message. */
  private static final Logger JELLY_LOG = Logger.getLogger("org.apache.commons.jelly");

  static {
    JELLY_LOG.setLevel(Level.SEVERE);
  }

  private StaplerJelly() {}

  /**
   * Compiles {@code view} and returns its localized messages.
   *
   * @throws Exception what Jelly throws for a view Jenkins would not compile
   */
  static List<Message> compile(URL view) throws Exception {
    ResourceBundle bundle = new ResourceBundle(view.toExternalForm().replaceFirst("\\.jelly$", ""));
    List<Message> messages = new ArrayList<>();
    ExpressionFactory jexl = new JexlExpressionFactory();
    ExpressionFactory stapler =
        text -> {
          if (!text.startsWith("%")) {
            return jexl.createExpression(text);
          }
          // what Stapler's CustomJellyContext.CustomXMLParser does for ${%...}
          InternationalizedStringExpression message = new InternationalizedStringExpression(bundle, text);
          String format = bundle.getFormatString(Locale.ROOT, message.key);
          // as InternationalizedStringExpression.format: without an entry the key itself is the text
          messages.add(new Message(message.key, message.getArguments(), format == null ? message.key : format));
          return message;
        };
    JellyContext context = new JellyContext();
    context.registerTagLibrary("jelly:stapler", new StaplerTagLibrary());
    XMLParser parser = new XMLParser();
    parser.setContext(context);
    parser.setExpressionFactory(stapler);
    parser.parse(view);
    return messages;
  }

  /**
   * One {@code ${%key(arguments)}} of a view.
   *
   * @param key the message key (the text before any parenthesis)
   * @param arguments the compiled arguments
   * @param format what the page shows: the view's {@code .properties} entry, else the key itself
   */
  record Message(String key, List<Expression> arguments, String format) {
    /** True when every argument has a {@code {n}} placeholder; an argument without one vanishes from the page. */
    boolean argumentsShown() {
      for (int i = 0; i < arguments.size(); i++) {
        if (!format.contains("{" + i)) {
          return false;
        }
      }
      return true;
    }

    /** True for keys such as {@code maxConcurrentRuns} that name a {@code .properties} entry rather than show as is. */
    boolean isIdentifier() {
      return key.matches("[a-z][A-Za-z0-9.]*");
    }
  }
}
