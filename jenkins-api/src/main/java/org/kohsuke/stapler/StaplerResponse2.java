package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** Mirror of {@code org.kohsuke.stapler.StaplerResponse2} (stapler 1903.x); the servlet methods are used. */
public interface StaplerResponse2 extends HttpServletResponse {}
