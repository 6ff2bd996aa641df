package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Mirror of {@code com.cloudbees.plugins.credentials.Credentials} (credentials 1405.vb_cda_74a_f8974). */
public interface Credentials extends Serializable {}
