#!/usr/bin/env bash
# Step 2 of action.yml (refs without dist/aegis.jar): build the fat jar with the Maven wrapper, once per
# source hash. The local Maven repository and the jar are restored from the Actions cache when present.
set -euo pipefail
here="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: this script runs inside action.yml}"
jar="${AEGIS_JAR:?AEGIS_JAR is not set: run action-setup.sh first}"
if [ -f "$jar" ]; then
  echo "Aegis jar restored from cache: $jar"
  exit 0
fi
mkdir -p "$(dirname "$jar")"
echo "::group::Build Aegis"
(cd "$here" && JAVA_HOME="${AEGIS_JAVA_HOME:-${JAVA_HOME:-}}" ./mvnw -B -q -DskipTests -pl action-runner -am package)
echo "::endgroup::"
cp "$here/action-runner/target/aegis.jar" "$jar"
echo "Built $jar"
