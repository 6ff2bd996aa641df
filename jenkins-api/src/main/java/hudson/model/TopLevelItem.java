package hudson.model;

/** Mirror of {@code hudson.model.TopLevelItem} (jenkins-core 2.479.3); no member is used. */
public interface TopLevelItem extends Item {}
