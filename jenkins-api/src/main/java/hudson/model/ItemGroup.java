package hudson.model;

/** Mirror of {@code hudson.model.ItemGroup} (jenkins-core 2.479.3); no member is used. */
public interface ItemGroup<T extends Item> {}
