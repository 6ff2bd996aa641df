package org.springframework.security.core;

/** Mirror of {@code org.springframework.security.core.Authentication}; only the type is used (passed as null). */
public interface Authentication {}
