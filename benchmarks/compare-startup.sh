#!/usr/bin/env bash
# benchmarks/compare-startup.sh: two builds of the console started in turn, to the first 200 from /healthz with the
# NRE plugin started, for a before/after figure that a noisy machine distorts less than two separate runs.
#
#   benchmarks/compare-startup.sh snapshot BEFORE_DIR    copy the current build (sample-host.jar, lib/, plugins/)
#   benchmarks/compare-startup.sh [--restart] [--rounds N] BEFORE_DIR AFTER_DIR
#
# Each round starts BEFORE then AFTER (AFTER first in every other round), each on a new data folder, or with
# --restart on a data folder of its own that one uncounted start made first. Prints each round, the medians, and
# the median of the rounds' after / before ratios.
# Build, `snapshot` the before, change and build again, then compare the snapshot with a second snapshot.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/benchmarks/lib.sh"
# The consoles started here inherit it; healthz_get sends it, so that /healthz lists the plugins.
export NRE_MONITORING_TOKEN=bench-monitoring-token-0123456789
usage() { awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; }

if [ "${1:-}" = snapshot ]; then
    dir=${2:?snapshot needs a folder}
    mkdir -p "$dir/plugins"
    cp -r "$ROOT/sample-host/target/sample-host.jar" "$ROOT/sample-host/target/lib" "$dir/"
    cp "$ROOT"/plugins/*.zip "$dir/plugins/"
    echo "snapshot of the current build in $dir"
    exit 0
fi

ROUNDS=10
RESTART=0
while [ $# -gt 2 ]; do
    case $1 in
        --restart) RESTART=1 ;;
        --rounds) ROUNDS=${2:?--rounds needs a number}; shift ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done
[ $# -eq 2 ] || { usage >&2; exit 2; }
BEFORE=$(cd "$1" && pwd)
AFTER=$(cd "$2" && pwd)
for dir in "$BEFORE" "$AFTER"; do
    [ -f "$dir/sample-host.jar" ] || { echo "$dir holds no sample-host.jar: make it with 'snapshot'" >&2; exit 2; }
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/nre-compare.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# start_once DIR DATA: milliseconds from just before `java -jar` to a 200 from /healthz with the plugin STARTED.
start_once() {
    local dir=$1 data=$2 port t0 pid
    port=$(free_port)
    now_us_var
    t0=$NOW_US
    (cd "$dir" && exec java -jar sample-host.jar --port "$port" --data "$data" >"$TMP/console.log" 2>&1) &
    pid=$!
    while :; do
        healthz_get "$port"
        [[ $HEALTHZ_STATUS == 200 && $HEALTHZ_BODY == *'"state":"STARTED"'* ]] && break
        kill -0 "$pid" 2>/dev/null || { cat "$TMP/console.log" >&2; echo "the console in $dir stopped" >&2; exit 1; }
        pause_10ms
    done
    now_us_var
    echo $(((NOW_US - t0) / 1000))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

# one NAME DIR: one counted start of a build; prints its milliseconds.
one() {
    local data=$TMP/data-$1
    [ "$RESTART" = 1 ] || rm -rf "$data"
    start_once "$2" "$data" | tee -a "$TMP/$1.ms"
}

start_once "$BEFORE" "$TMP/data-before" >/dev/null
start_once "$AFTER" "$TMP/data-after" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then
        b=$(one before "$BEFORE"); a=$(one after "$AFTER")
    else
        a=$(one after "$AFTER"); b=$(one before "$BEFORE")
    fi
    echo "round $round: before $b ms, after $a ms"
done
b=$(median "$TMP/before.ms")
a=$(median "$TMP/after.ms")
# Each round's after / before too: a pair shares the moment of the machine, which drifts over a run.
paste "$TMP/after.ms" "$TMP/before.ms" | awk '{print $1 / $2 * 100000}' >"$TMP/ratio"
r=$(awk "BEGIN { print $(median "$TMP/ratio") / 100000 }")
echo "$([ "$RESTART" = 1 ] && echo restart || echo "first start"), median of $ROUNDS: before $b ms, after $a ms" \
    "($(awk "BEGIN { printf \"%+.0f\", ($a / $b - 1) * 100 }")%); median of the rounds' after / before:" \
    "$(awk "BEGIN { printf \"%.3f (%+.0f%%)\", $r, ($r - 1) * 100 }")"
