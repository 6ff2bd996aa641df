package org.kohsuke.stapler.verb;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Mirror of {@code org.kohsuke.stapler.verb.POST} (stapler): a web method that answers only POST. The real one
 * also carries {@code @InterceptorAnnotation(HttpVerbInterceptor.class)}, which Stapler reads from its own class at
 * run time. The retention matters here: it decides whether the plugin's class file keeps the annotation visible.
 */
@Retention(RUNTIME)
@Target(METHOD)
@Documented
public @interface POST {}
