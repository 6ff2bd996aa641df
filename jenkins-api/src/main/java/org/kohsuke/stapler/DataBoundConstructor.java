package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Mirror of {@code org.kohsuke.stapler.DataBoundConstructor} (stapler 1903.1905.ve5a_f469356f0). */
@Retention(RUNTIME)
@Target({CONSTRUCTOR})
@Documented
public @interface DataBoundConstructor {}
