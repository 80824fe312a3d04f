#!/usr/bin/env bash
# benchmarks/load.sh: the abuse a console must survive, against real console processes (docs/performance.md,
# "Abuse"). Not part of the test command.
#
#   benchmarks/load.sh                 build, then run both (about 2 minutes on 2 cores)
#   benchmarks/load.sh signins         only the sign-in floods: 200 anonymous sign-ins at once at -Xmx256m, from
#                                      one address, then from 200 addresses
#   benchmarks/load.sh slow-router     only the slow router: it answers after 9 s while 300 "Check status now" and
#                                      300 "Test connection" are pressed at once, /healthz polled every 50 ms
#   benchmarks/load.sh slow-router-cold
#                                      the same without one check run to its end first: the burst meets code the
#                                      console has not run since it started
#   benchmarks/load.sh --skip-build    use the artifacts already built
#
# Prints one FIGURE line per figure and a HELD or FAILED verdict per run; keeps them with the consoles' logs in
# benchmarks/target/load/<date-time>/. Exits 1 when a verdict fails. Only 127.0.0.x is ever contacted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SKIP_BUILD=0
RUNS=()
for arg in "$@"; do
    case $arg in
        --skip-build) SKIP_BUILD=1 ;;
        signins|slow-router|slow-router-cold) RUNS+=("$arg") ;;
        -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
        *) echo "Unknown argument $arg: use signins, slow-router or --skip-build" >&2; exit 2 ;;
    esac
done
[ ${#RUNS[@]} -gt 0 ] || RUNS=(signins slow-router)

OUT=$ROOT/benchmarks/target/load/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT/plugins"
if [ "$SKIP_BUILD" = 0 ]; then
    echo "== building (mvn -Pbench install -DskipTests)"
    mvn -B -q -Pbench install -DskipTests >"$OUT/build.log" 2>&1 || { echo "the build failed: see $OUT/build.log" >&2; exit 1; }
fi
CONSOLE_JAR=$ROOT/sample-host/target/sample-host.jar
BENCH_JAR=$(ls "$ROOT"/benchmarks/target/benchmarks-*.jar 2>/dev/null | grep -v floor | head -1 || true)
[ -f "$CONSOLE_JAR" ] && [ -n "$BENCH_JAR" ] || { echo "build first (without --skip-build)" >&2; exit 1; }
# The console expands plugin zips into its plugins folder: a copy keeps the repository's plugins/ as it is.
# Only the NRE plugin: its router is the one each run points it at, not the simulated router.
cp "$ROOT"/plugins/nre-plugin-*.zip "$OUT/plugins/"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (work tree has changes)')"
    echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "java: $(java -version 2>&1 | head -1)"
} | tee "$OUT/figures.txt"
echo "== running ${RUNS[*]}"
status=0
java -cp "$BENCH_JAR:$ROOT/benchmarks/target/lib/*" org.nre.bench.load.AbuseLoad "$CONSOLE_JAR" "$OUT/plugins" "$OUT" \
    "${RUNS[@]}" 2>"$OUT/driver.log" | tee -a "$OUT/figures.txt" || status=$?
echo "== results in $OUT"
exit "$status"
