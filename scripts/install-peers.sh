#!/usr/bin/env bash
# Installs the real third-party programs the end-to-end tests drive offline (see docs and the README's
# "Bring your own agent"): the Codex, Claude Code and Gemini CLI ACP agents and
# the MCP reference server. Idempotent; .ci/run calls it before ./mvnw -B verify.
# Where: $AEGIS_PEERS (default ~/.cache/aegis-peers); the tests read the same variable.
set -euo pipefail
prefix="${AEGIS_PEERS:-$HOME/.cache/aegis-peers}"
mkdir -p "$prefix"
packages=("@zed-industries/codex-acp@0.16.0" "@zed-industries/claude-agent-acp@0.23.1"
  "@modelcontextprotocol/server-everything@2026.8.31" "@google/gemini-cli@0.61.0")
missing=()
for p in "${packages[@]}"; do
  name="${p%@*}"
  [ -e "$prefix/node_modules/$name/package.json" ] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  npm install --prefix "$prefix" --no-audit --no-fund "${missing[@]}"
fi
echo "peers installed in $prefix"
