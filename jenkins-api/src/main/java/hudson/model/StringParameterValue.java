package hudson.model;

/** Mirror of {@code hudson.model.StringParameterValue} (jenkins-core 2.479.3). */
public class StringParameterValue extends ParameterValue {
  private static final long serialVersionUID = 1L;

  public StringParameterValue(String name, String value) {
    super(name);
  }
}
