package hudson.model;

import hudson.ExtensionPoint;

/** Mirror of {@code hudson.model.UnprotectedRootAction} (jenkins-core 2.479.3). */
public interface UnprotectedRootAction extends RootAction, ExtensionPoint {}
