package org.jenkinsci.remoting;

import java.io.Serializable;

/** Mirror of {@code org.jenkinsci.remoting.SerializableOnlyOverRemoting} (remoting). */
public interface SerializableOnlyOverRemoting extends Serializable {}
