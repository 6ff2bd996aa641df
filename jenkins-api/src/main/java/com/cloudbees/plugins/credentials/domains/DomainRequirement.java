package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Mirror of {@code com.cloudbees.plugins.credentials.domains.DomainRequirement} (credentials 1405.vb_cda_74a_f8974). */
public class DomainRequirement implements ExtensionPoint, Serializable {
  private static final long serialVersionUID = 1L;

  public DomainRequirement() {}
}
