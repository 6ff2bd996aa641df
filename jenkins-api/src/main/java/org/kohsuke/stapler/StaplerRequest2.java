package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** Mirror of {@code org.kohsuke.stapler.StaplerRequest2} (stapler 1903.x); the servlet methods are used. */
public interface StaplerRequest2 extends HttpServletRequest {}
