package com.cloudbees.plugins.credentials.common;

/** Mirror of {@code com.cloudbees.plugins.credentials.common.StandardCredentials} (credentials 1405.vb_cda_74a_f8974). */
public interface StandardCredentials extends IdCredentials {}
