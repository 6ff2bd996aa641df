package hudson.model;

import hudson.ExtensionPoint;

/** Mirror of {@code hudson.model.RootAction} (jenkins-core 2.479.3). */
public interface RootAction extends Action, ExtensionPoint {}
