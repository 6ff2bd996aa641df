#!/usr/bin/env bash
# Lets Aegis's command sandbox work on GitHub-hosted Ubuntu runners.
#
# Ubuntu 24.04 (ubuntu-latest) restricts unprivileged user namespaces through AppArmor
# (kernel.apparmor_restrict_unprivileged_userns=1), so `unshare --user` answers "Operation not permitted"
# (actions/runner-images issue 10443) and Aegis would find no isolation, and then refuse to run commands.
# Hosted runners give passwordless sudo and are discarded after the job, so this step lifts the restriction
# for the rest of the job. It runs only on GitHub-hosted runners (action.yml checks runner.environment);
# self-hosted runners keep their own settings (see the README's sandbox section).
set -euo pipefail

knob=/proc/sys/kernel/apparmor_restrict_unprivileged_userns
if [ ! -r "$knob" ] || [ "$(cat "$knob")" != "1" ]; then
  echo "Aegis sandbox: unprivileged user namespaces are not restricted here; nothing to change."
  exit 0
fi
if sudo -n sysctl -q -w kernel.apparmor_restrict_unprivileged_userns=0; then
  echo "Aegis sandbox: allowed unprivileged user namespaces for this job (AppArmor restriction lifted)."
else
  echo "::warning title=Aegis sandbox::Could not lift AppArmor's restriction on user namespaces (no passwordless sudo?). Aegis will refuse to run agent commands unless sandbox.allow-unisolated is set."
fi
