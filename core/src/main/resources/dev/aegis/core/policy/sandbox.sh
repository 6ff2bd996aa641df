# Aegis's command sandbox: run as (namespace) root inside fresh mount and PID namespaces, it builds the
# command's view of the filesystem in a new root, enters it, drops every capability and runs the command.
# $1: the plan, one step per line, tab-separated: STEP PATH [SOURCE]; $2: the trusted PATH for the set-up;
# $3 and $4: chroot and setpriv (absolute); $5: the command line.
# The command's environment is the one this script was started with. Any failure stops before the command.
set -e
plan=$1
command_path=$PATH
PATH=$2
R=
tab=$(printf '\t')

fail() {
  echo "aegis-sandbox: $*" >&2
  exit 97
}

# every mount at or below $1 becomes read-only (a bind of a tree keeps its sub-mounts writable otherwise)
read_only_tree() {
  for m in $(awk -v p="$1" '$5 == p || index($5, p "/") == 1 { print $5 }' /proc/self/mountinfo); do
    mount -o remount,bind,ro "$m" || fail "cannot make $m read-only"
  done
}

# the plan is read on standard input: keep the command's own (an agent talks over it) on 3 until the run step
exec 3<&0
while IFS="$tab" read -r step target source; do
  case $step in
    root) R=$target; mount -t tmpfs -o mode=0755 aegis-root "$R" || fail "cannot mount the new root" ;;
    ro) mkdir -p "$R$target"; mount --rbind "$target" "$R$target" || fail "cannot expose $target"
      read_only_tree "$R$target" ;;
    rw) mkdir -p "$R$target"; mount --rbind "$source" "$R$target" || fail "cannot bind $target" ;;
    hide) mkdir -p "$R$target"; mount -t tmpfs -o mode=0755,size=16m aegis-hidden "$R$target" || fail "cannot hide $target" ;;
    hide-file) if [ -e "$R$target" ] && [ ! -d "$R$target" ]; then
        mount --bind /dev/null "$R$target" || fail "cannot hide $target"; fi ;;
    ro-file) mount --bind "$source" "$R$target" && mount -o remount,bind,ro "$R$target" || fail "cannot protect $target" ;;
    pin) mkdir -p "$R$target"; mount --bind "$R$target" "$R$target" || fail "cannot pin $target" ;;
    protect) mkdir -p "$R$target"; mount --bind "$R$target" "$R$target" && mount -o remount,bind,ro "$R$target" \
        || fail "cannot protect $target" ;;
    link) ln -s "$source" "$R$target" || fail "cannot link $target" ;;
    dev) mkdir -p "$R/dev"; mount --rbind /dev "$R/dev" && mount -t tmpfs -o mode=1777 aegis-shm "$R/dev/shm" \
        || fail "cannot set up /dev" ;;
    proc) mkdir -p "$R/proc"; mount -t proc proc "$R/proc" || fail "cannot mount a fresh /proc" ;;
    run) cd /
      PATH=$command_path
      export PATH
      exec "$3" "$R" "$4" --bounding-set=-all --inh-caps=-all --ambient-caps=-all --no-new-privs -- \
        /bin/sh -c 'cd "$1" && exec /bin/sh -c "$2"' aegis-command "$target" "$5" <&3 3<&- ;;
    *) fail "unknown step $step" ;;
  esac
done < "$plan"
fail "the plan has no run step"
