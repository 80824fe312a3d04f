#!/usr/bin/env bash
# benchmarks/galera-failover.sh: a Galera node killed under load (docs/performance.md, "Failover on a Galera
# cluster"). A real three-node MariaDB Galera cluster on loopback (host-kit's GaleraCluster), a console process on
# each node (the NRE plugin and the simulated router, demo data, the NRE right granted to the system
# administrators, the district registered once so that the status poller runs). A closed-loop load of signed-in
# users on every console: the NRE panel (HTML and JSON), home, notices, the administrators' rights, users and audit
# pages, rights changes, "Check status now" and sign-ins. A third of the way in, the Galera node under the console
# that holds the poller's lease is killed (SIGKILL); two thirds of the way in it is started again and rejoins by an
# incremental transfer. Each console's /healthz is asked every 250 ms and the lease's holder read every 250 ms.
# Prints FIGURE lines: throughput and p50/p99 per phase (before, node down, after the rejoin), failed requests per
# console and phase (with the status, body and console log lines of any on a surviving console), the struck
# console's /healthz DOWN and UP again, the lease's move, the registrations at the end; then a HELD or FAILED
# verdict (held: no failed request on the surviving consoles after the kill, one registration, the lease moved
# within 10 s, the struck console recovered). Exits 1 when it failed. Not part of the test command.
#
#   benchmarks/galera-failover.sh                 build, then one run of 90 s (about 3 minutes with the set-up)
#   benchmarks/galera-failover.sh --skip-build    use the artifacts already built
#   benchmarks/galera-failover.sh --threads 2     users per console (default 3)
#   benchmarks/galera-failover.sh --think-ms 100  pause between a user's requests (default 50)
#   benchmarks/galera-failover.sh --seconds 120 --kill-at 40 --restart-at 80
#   benchmarks/galera-failover.sh --warm-up 20    seconds of the same load before the measured run (default
#                                                 20), not counted
#   benchmarks/galera-failover.sh --own-addresses
#                                                 each user from an address of their own, forwarded by a proxy
#                                                 the consoles trust (X-Forwarded-For), instead of every user
#                                                 from 127.0.0.1 as from a school's one address
#
# Needs mariadb-server, galera-4, mariadb-backup, socat and iproute2 (see .ci/run); no system service is touched:
# the cluster's mariadbd processes run under the results folder and are removed at the end. Results in
# benchmarks/target/galera/<date-time>/: figures.txt, the driver's and every console's and node's log, requests.csv
# (every answer), per-second.txt (per second and console), healthz.csv, lease.csv. Only 127.0.0.1 is contacted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SKIP_BUILD=0
OPTIONS=()
while [ $# -gt 0 ]; do
    case $1 in
        --skip-build) SKIP_BUILD=1 ;;
        --threads|--think-ms|--seconds|--kill-at|--restart-at|--warm-up) OPTIONS+=("$1" "${2:?$1 needs a number}"); shift ;;
        --own-addresses) OPTIONS+=("$1") ;;
        -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
        *) echo "Unknown argument $1: see --help" >&2; exit 2 ;;
    esac
    shift
done

OUT=$ROOT/benchmarks/target/galera/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT/plugins"
if [ "$SKIP_BUILD" = 0 ]; then
    echo "== building (mvn -Pbench package -DskipTests)"
    mvn -B -q -Pbench package -DskipTests >"$OUT/build.log" 2>&1 || { echo "the build failed: see $OUT/build.log" >&2; exit 1; }
fi
CONSOLE_JAR=$ROOT/sample-host/target/sample-host.jar
BENCH_JAR=$(ls "$ROOT"/benchmarks/target/benchmarks-*.jar 2>/dev/null | grep -v floor | head -1 || true)
[ -f "$CONSOLE_JAR" ] && [ -n "$BENCH_JAR" ] || { echo "build first (without --skip-build)" >&2; exit 1; }
ls "$ROOT"/benchmarks/target/lib/host-kit-*-tests.jar >/dev/null 2>&1 \
    || { echo "benchmarks/target/lib has no host-kit test-jar: build again (without --skip-build)" >&2; exit 1; }
# The consoles expand plugin zips into their plugins folder: a copy keeps the repository's plugins/ as it is.
cp "$ROOT"/plugins/nre-plugin-*.zip "$ROOT"/plugins/nre-simulator-*.zip "$OUT/plugins/"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (work tree has changes)')"
    echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "mariadb: $(/usr/sbin/mariadbd --version 2>/dev/null || echo 'not installed'); galera: $(dpkg-query -W -f='${Version}' galera-4 2>/dev/null || echo '?')"
    echo "options: ${OPTIONS[*]:-(defaults)}"
} | tee "$OUT/figures.txt"
echo "== running"
status=0
java -cp "$BENCH_JAR:$ROOT/benchmarks/target/lib/*" org.nre.bench.galera.GaleraFailoverLoad "$CONSOLE_JAR" \
    "$OUT/plugins" "$OUT" "${OPTIONS[@]}" 2>"$OUT/driver.log" | tee -a "$OUT/figures.txt" || status=$?
if [ "$status" != 0 ] && ! grep -q '^\(HELD\|FAILED\) ' "$OUT/figures.txt"; then
    echo "the run did not finish; the end of $OUT/driver.log:" >&2
    tail -5 "$OUT/driver.log" >&2
fi
echo "== results in $OUT"
exit "$status"
