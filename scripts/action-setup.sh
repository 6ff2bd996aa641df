#!/usr/bin/env bash
# Step 1 of action.yml: find Java 17+ on the runner and decide where the Aegis jar comes from.
# A release tag ships dist/aegis.jar (prebuilt=true); any other ref is built once and cached.
set -euo pipefail
here="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: this script runs inside action.yml}"

java_bin=""
for candidate in "${JAVA_HOME_17_X64:-}" "${JAVA_HOME_21_X64:-}" "${JAVA_HOME:-}"; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then java_bin="$candidate/bin/java"; break; fi
done
if [ -z "$java_bin" ] && command -v java >/dev/null 2>&1; then java_bin="$(command -v java)"; fi
if [ -z "$java_bin" ]; then
  echo "::error title=Aegis::No Java found. Aegis needs Java 17 or newer: add 'uses: actions/setup-java@v4' (java-version: 17) before Aegis."
  exit 1
fi
major="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
if [ -z "$major" ] || [ "${major%%.*}" -lt 17 ]; then
  echo "::error title=Aegis::$java_bin is Java ${major:-unknown}; Aegis needs Java 17 or newer (actions/setup-java with java-version: 17)."
  exit 1
fi
echo "AEGIS_JAVA=$java_bin" >> "$GITHUB_ENV"

if [ -f "$here/dist/aegis.jar" ]; then
  echo "AEGIS_JAR=$here/dist/aegis.jar" >> "$GITHUB_ENV"
  echo "prebuilt=true" >> "$GITHUB_OUTPUT"
  echo "Using the released jar: $here/dist/aegis.jar"
  exit 0
fi

hash="$(cd "$here" && find . -path ./dist -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -print \
  | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
echo "AEGIS_JAR=${RUNNER_TEMP:-/tmp}/aegis-jar/aegis-$hash.jar" >> "$GITHUB_ENV"
echo "AEGIS_JAVA_HOME=$(dirname "$(dirname "$java_bin")")" >> "$GITHUB_ENV"
echo "prebuilt=false" >> "$GITHUB_OUTPUT"
echo "source-hash=$hash" >> "$GITHUB_OUTPUT"
echo "No prebuilt jar in this ref: building Aegis $hash once (cached for later runs)."
