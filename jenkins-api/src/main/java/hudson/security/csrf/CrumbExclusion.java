package hudson.security.csrf;

import hudson.ExtensionPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Mirror of {@code hudson.security.csrf.CrumbExclusion} (jenkins-core 2.479.3), Jakarta flavour. */
public abstract class CrumbExclusion implements ExtensionPoint {
  public CrumbExclusion() {}

  public boolean process(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    throw new UnsupportedOperationException("compile-only mirror");
  }
}
