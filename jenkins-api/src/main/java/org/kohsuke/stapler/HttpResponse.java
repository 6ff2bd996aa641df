package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * Mirror of {@code org.kohsuke.stapler.HttpResponse} (stapler 1903.x): an object that writes a whole response. The
 * real interface also keeps the javax variant as a default method, which Stapler 1903 bridges to this one.
 */
public interface HttpResponse {
  void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException;
}
