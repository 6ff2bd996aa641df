package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Mirror of {@code com.cloudbees.plugins.credentials.common.IdCredentials} (credentials 1405.vb_cda_74a_f8974). */
public interface IdCredentials extends Credentials {}
