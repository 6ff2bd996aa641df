#!/usr/bin/env bash
# The "Run Aegis" step of action.yml: start the jar the way that starts fastest for a short-lived CLI.
# - C1 only and the serial collector: a job runs for seconds to minutes, mostly waiting on the network;
# - a dynamic class-data archive (AppCDS) of the classes Aegis loads: used when present, else written when the
#   JVM exits, for the cache to keep. CDS checks the jar's path, size and modification time, so the jar's time
#   is pinned; an archive that does not match (another Java) is ignored, and its messages are silenced.
set -euo pipefail
java_bin="${AEGIS_JAVA:?AEGIS_JAVA is not set: run action-setup.sh first}"
jar="${AEGIS_JAR:?AEGIS_JAR is not set: run action-setup.sh first}"
args=(action)
if [ "${AEGIS_DRY_RUN:-}" = "true" ]; then args+=(--dry-run); fi
unset AEGIS_DRY_RUN
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Xlog:cds*=off")
archive="${AEGIS_CDS_ARCHIVE:-}"
if [ -n "$archive" ]; then
  touch -m -d @946684800 "$jar" 2>/dev/null || true
  mkdir -p "$(dirname "$archive")"
  if [ -s "$archive" ]; then
    flags+=("-XX:SharedArchiveFile=$archive")
  else
    flags+=("-XX:ArchiveClassesAtExit=$archive")
  fi
fi
exec "$java_bin" "${flags[@]}" -jar "$jar" "${args[@]}"
