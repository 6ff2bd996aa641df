#!/usr/bin/env bash
# Step of action.yml after the jar exists: name the class-data archive (AppCDS) for this jar and this Java.
# The archive must match both exactly, so its name (and the cache key) is a hash of the two; the run step
# creates it at the end of the first job that misses the cache, and later jobs start from it.
set -euo pipefail
java_bin="${AEGIS_JAVA:?AEGIS_JAVA is not set: run action-setup.sh first}"
jar="${AEGIS_JAR:?AEGIS_JAR is not set: run action-setup.sh first}"
jar_hash="$(sha256sum "$jar" | cut -c1-16)"
java_hash="$("$java_bin" -version 2>&1 | sha256sum | cut -c1-12)"
key="$jar_hash-$java_hash"
echo "AEGIS_CDS_ARCHIVE=${RUNNER_TEMP:-/tmp}/aegis-cds/aegis-$key.jsa" >> "$GITHUB_ENV"
echo "key=$key" >> "$GITHUB_OUTPUT"
