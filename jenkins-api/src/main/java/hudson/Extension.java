package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/** Mirror of {@code hudson.Extension} (jenkins-core 2.479.3); SezPoz indexes it into META-INF/annotations. */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
  double ordinal() default 0;

  boolean optional() default false;

  YesNoMaybe dynamicLoadable() default YesNoMaybe.MAYBE;
}
