package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Mirror of {@code org.jenkinsci.Symbol} (symbol-annotation 1.24). The real one is also meta-annotated with
 * annotation-indexer's {@code @Indexed}; Jenkins finds symbols through the descriptors, not that index.
 */
@Retention(RUNTIME)
@Target({TYPE})
@Documented
public @interface Symbol {
  String[] value();
}
