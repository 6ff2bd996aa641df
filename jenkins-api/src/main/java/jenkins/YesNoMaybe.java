package jenkins;

/** Mirror of {@code jenkins.YesNoMaybe} (jenkins-core 2.479.3); only the constants. */
public enum YesNoMaybe {
  YES,
  NO,
  MAYBE
}
