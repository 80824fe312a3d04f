#!/usr/bin/env bash
# benchmarks/run.sh: every performance measurement of docs/performance.md, and a summary.
#
#   benchmarks/run.sh                   build what is needed, then run everything (about 30 minutes on 2 cores)
#   benchmarks/run.sh --quick           a smoke run: fewer start-ups, short wrk and JMH runs (figures not for the doc)
#   benchmarks/run.sh --only wrk,zip    only some parts: zip, startup, startup-options, wrk, panel-queries,
#                                       panel-options, memory, rights, router
#   benchmarks/run.sh --skip-build      use the artifacts already built
#   benchmarks/run.sh --runs 20         start-ups per variant (default 10)
#
# Environment:
#   BENCH_OUT          results folder (default benchmarks/target/results/<date-time>)
#   BENCH_QUIET_CPU    before each part and each round of start-ups or wrk runs, wait until the machine's CPU use
#                      (over 3 s, nothing of ours running) is below this percentage (default: do not wait)
#   BENCH_QUIET_WAIT   ... for at most this many seconds each time (default 900)
#
# Results: summary.txt (also printed), figures.tsv (one figure a line), and the raw outputs: start-up times, wrk
# and JMH outputs, the consoles' logs. Only 127.0.0.1 is ever contacted; every load run is bounded in time.
# Needs Java 17+, Maven 3.8+, curl and wrk (installed with apt-get when missing, as root). Nothing here runs in
# `mvn -B verify`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/benchmarks
cd "$ROOT"

RUNS=10
QUICK=0
SKIP_BUILD=0
ONLY=""
ALL_PARTS="zip startup startup-options wrk panel-queries panel-options memory rights router"
ADMIN_PW=bench-console-password-7
# The consoles started here inherit it; healthz_get sends it, so that /healthz lists the plugins.
export NRE_MONITORING_TOKEN=bench-monitoring-token-0123456789
DEMO_PW=bench-demo-password-7

usage() { awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$BENCH/run.sh"; }

while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1 ;;
        --skip-build) SKIP_BUILD=1 ;;
        --only) ONLY=${2:?--only needs a list}; shift ;;
        --runs) RUNS=${2:?--runs needs a number}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
if [ "$QUICK" = 1 ] && [ "$RUNS" = 10 ]; then RUNS=3; fi
WRK_SECONDS=10
WRK_REPEATS=3
WRK_WARMUP=15
if [ "$QUICK" = 1 ]; then WRK_SECONDS=3; WRK_REPEATS=1; WRK_WARMUP=2; fi

OUT=${BENCH_OUT:-$BENCH/target/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/logs" "$OUT/wrk" "$OUT/startup"
OUT=$(cd "$OUT" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/nre-bench.XXXXXX")
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "FAILED: $*"; exit 1; }
# fig NAME VALUE [NOTE]: one figure, for the summary and docs/performance.md
fig() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$OUT/figures.tsv"; printf '  %-44s %s %s\n' "$1" "$2" "${3:-}"; }
wants() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }

# free_port, stats, median, and now_us_var, pause_10ms, healthz_get for polling without a process per try.
source "$BENCH/lib.sh"
now_us() { now_us_var; echo "$NOW_US"; }

# awk-computed arithmetic and comparisons on decimals
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo MET; else echo "NOT MET"; fi; }

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The machine's CPU use in percent over 3 seconds (all cores), from /proc/stat.
cpu_busy() {
    local a b
    a=$(awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6}' /proc/stat)
    sleep 3
    b=$(awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6}' /proc/stat)
    echo "$a $b" | awk '{t = $3 - $1; i = $4 - $2; printf "%d\n", (t > 0 ? 100 * (t - i) / t : 0)}'
}

# Waits (when BENCH_QUIET_CPU is set) until nothing else keeps the machine busy; records the CPU use seen.
wait_quiet() {
    [ -n "${BENCH_QUIET_CPU:-}" ] || return 0
    local waited=0 limit=${BENCH_QUIET_WAIT:-900} busy
    while :; do
        busy=$(cpu_busy)
        [ "$busy" -ge "$BENCH_QUIET_CPU" ] || break
        if [ "$waited" -ge "$limit" ]; then
            log "the machine is still ${busy}% busy after ${limit}s of waiting; going on (see quiet.log)"
            break
        fi
        sleep 5
        waited=$((waited + 8))
    done
    printf '%s\t%s\t%s\n' "$(date +%H:%M:%S)" "$busy" "$waited" >>"$OUT/quiet.log"
    [ "$waited" = 0 ] || log "waited ${waited}s for a quiet machine (now ${busy}% busy)"
}

part_begin() {
    wait_quiet
    log "== $1 (load average $(loadavg))"
    fig "load.$1.before" "$(loadavg)"
}

# start LOGFILE ENV... -- CMD...: starts CMD in the background with the environment given; sets PID
start() {
    local logf=$1
    shift
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    (cd "$SNAP" && exec env "${envs[@]}" "$@") >"$logf" 2>&1 &
    PID=$!
    PIDS+=("$PID")
}

# stop PID [SECONDS]: asks the process to end, and kills it after SECONDS (default 15)
stop() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 $((${2:-15} * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# wait_ready PORT PID TIMEOUT_SECONDS: polls /healthz every 10 ms until it answers 200; sets READY_US, and
# HEALTHZ_BODY to what that 200 said
wait_ready() {
    local port=$1 pid=$2 deadline
    now_us_var
    deadline=$((NOW_US + $3 * 1000000))
    while :; do
        healthz_get "$port"
        if [ "$HEALTHZ_STATUS" = 200 ]; then
            now_us_var
            READY_US=$NOW_US
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        now_us_var
        [ "$NOW_US" -lt "$deadline" ] || return 1
        pause_10ms
    done
}

CONSOLE_JAR=sample-host/target/sample-host.jar
FLOOR_JAR=""
SNAP=""
BENCH_CP=""
find_floor_jar() { FLOOR_JAR=$(ls benchmarks/target/floor/benchmarks-*-floor.jar 2>/dev/null | head -1); }

# --- tools, build, machine --------------------------------------------------------------------------------------

ensure_tools() {
    local missing=()
    command -v java >/dev/null || die "java is missing (Java 17+ is needed)"
    command -v mvn >/dev/null || die "mvn is missing (Maven 3.8+ is needed)"
    command -v curl >/dev/null || missing+=(curl)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v unzip >/dev/null || missing+=(unzip)
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            log "installing ${missing[*]} with apt-get"
            apt-get update -qq >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
        else
            die "missing ${missing[*]}: install them (Debian: apt-get install -y ${missing[*]})"
        fi
    fi
}

build() {
    if [ "$SKIP_BUILD" = 1 ]; then
        log "build skipped (--skip-build)"
    else
        log "building the project with the benchmarks module (mvn -Pbench install -DskipTests)"
        mvn -B -q -Pbench install -DskipTests >"$OUT/logs/build.log" 2>&1 \
            || die "the build failed: see $OUT/logs/build.log"
    fi
    find_floor_jar
    [ -f "$CONSOLE_JAR" ] || die "$CONSOLE_JAR is missing: build without --skip-build"
    [ -n "$FLOOR_JAR" ] || die "the floor jar is missing: build without --skip-build"
    ls plugins/nre-plugin-*.zip >/dev/null 2>&1 || die "plugins/ holds no nre-plugin zip"
    # Every console runs from a copy of the build, laid out as the repository is (so that the documented command
    # `java -jar sample-host/target/sample-host.jar --port P --data D` is the one run, from the copy): a rebuild in
    # the work tree while the measurements run cannot change the jars under a running console, and the plugin
    # zip is expanded into the copy's plugins/, not the repository's.
    SNAP=$TMP/snapshot
    mkdir -p "$SNAP/sample-host/target" "$SNAP/plugins" "$SNAP/floor"
    cp -r sample-host/target/sample-host.jar sample-host/target/lib "$SNAP/sample-host/target/"
    ls plugins/nre-simulator-*.zip >/dev/null 2>&1 || die "plugins/ holds no nre-simulator zip"
    cp plugins/nre-plugin-*.zip plugins/nre-simulator-*.zip "$SNAP/plugins/"
    cp -r "$(dirname "$FLOOR_JAR")"/. "$SNAP/floor/"
    FLOOR_JAR=floor/$(basename "$FLOOR_JAR")
    local f
    BENCH_CP="$(ls "$BENCH"/target/benchmarks-*.jar | head -1):$BENCH/target/lib/*"
    for f in "$SNAP/$CONSOLE_JAR" "$SNAP"/plugins/*.zip "$SNAP/$FLOOR_JAR"; do
        unzip -tq "$f" >/dev/null || die "$f is damaged (was it being rebuilt?): build again"
    done
}

machine() {
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (work tree has changes)')"
        echo "nproc: $(nproc)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') MHz)"
        echo "caches: $(lscpu 2>/dev/null | awk -F: '/L1d|L2|L3/ {gsub(/^ +/, "", $2); printf "%s %s; ", $1, $2}')"
        echo "kernel: $(uname -r)"
        echo "free -g:"
        free -g | sed 's/^/  /'
        echo "java -version:"
        java -version 2>&1 | sed 's/^/  /'
        echo "wrk: $(wrk -v 2>&1 | head -1)"
        echo "measured build: $(cd "$SNAP" && sha256sum "$CONSOLE_JAR" plugins/*.zip | awk '{printf "%s %s; ", substr($1, 1, 12), $2}')"
        echo "load average at start: $(loadavg)"
    } >"$OUT/machine.txt"
    cat "$OUT/machine.txt"
}

# --- 6. plugin zip ------------------------------------------------------------------------------------------------

part_zip() {
    part_begin zip
    local zip size
    zip=$(ls "$SNAP"/plugins/nre-plugin-*.zip | head -1)
    size=$(stat -c %s "$zip")
    unzip -l "$zip" >"$OUT/zip-listing.txt"
    unzip -l "$zip" 'lib/*' | awk 'NR > 3 && $4 ~ /^lib\/./ {printf "%10d  %s\n", $1, $4}' >"$OUT/zip-lib.txt"
    fig zip.file "plugins/$(basename "$zip")"
    fig zip.bytes "$size" "($(calc "$size / 1048576") MiB; target <= 2 MB: $(verdict "$size <= 2000000"))"
    fig zip.lib "$(awk '{sub("lib/", "", $2); printf "%s%s (%d KiB)", sep, $2, $1 / 1024; sep = ", "}' "$OUT/zip-lib.txt")"
}

# --- 1. start-up --------------------------------------------------------------------------------------------------

# startup_once KIND RUN [JAVA_OPTION...]: one start to the first 200 from /healthz; appends the milliseconds
STARTUP_JAVA=java
startup_once() {
    local kind=$1 run=$2 port data logf ms t0 body
    shift 2
    port=$(free_port)
    logf=$OUT/logs/startup-$kind-$run.log
    case $kind in
        floor | floor-*)
            now_us_var
            t0=$NOW_US
            start "$logf" -- "$STARTUP_JAVA" "$@" -jar "$FLOOR_JAR" --port "$port"
            ;;
        console-restart | opt-restart-*)
            now_us_var
            t0=$NOW_US
            start "$logf" -- "$STARTUP_JAVA" "$@" -jar "$CONSOLE_JAR" --port "$port" --data "$RESTART_DATA"
            ;;
        *)
            data=$(mktemp -d "$TMP/data.XXXXXX")
            now_us_var
            t0=$NOW_US
            start "$logf" -- "$STARTUP_JAVA" "$@" -jar "$CONSOLE_JAR" --port "$port" --data "$data"
            ;;
    esac
    wait_ready "$port" "$PID" 120 || { cat "$logf" >&2; die "$kind did not answer 200 on /healthz (log: $logf)"; }
    ms=$(((READY_US - t0) / 1000))
    if [[ $kind != floor* ]]; then
        body=$HEALTHZ_BODY
        [[ $body == *'"status":"UP"'* && $body == *'"id":"nre"'*'"state":"STARTED"'* ]] \
            || die "$kind answered 200 but not UP with the NRE plugin STARTED: $body"
    fi
    echo "$ms" >>"$OUT/startup/$kind.ms"
    rss_kb "$PID" >>"$OUT/startup/$kind.rss-kb"
    echo "$t0 $READY_US" >"$logf.t0"
    stop "$PID"
    [ -z "${data:-}" ] || rm -rf "$data"
}

# Where the console's start-up time goes: each log line's time since `java -jar`, median over the fresh starts.
startup_phases() {
    local f t0 ready line at name
    : >"$OUT/startup/phases.tsv"
    for f in "$OUT"/logs/startup-console-fresh-*.log; do
        [[ $f != *-0.log ]] || continue
        read -r t0 ready <"$f.t0"
        while read -r line; do
            at=$(date -u -d "${line%% *}" +%s%3N)
            name=$(echo "$line" | cut -d' ' -f3- | sed -E 's/(Starting with).*/\1 .../; s/(listening on).*/\1 .../;
                s/(at schema version).*/\1 .../; s/(Simulated router at).*/\1 .../; s/(Console node).*/\1 .../;
                s/[A-Za-z0-9._-]+-[0-9a-f]{8}\b/<id>/g' | cut -c1-64)
            printf '%s\t%s\n' "$name" "$((at - t0 / 1000))" >>"$OUT/startup/phases.tsv"
        done < <(grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' "$f")
        printf '%s\t%s\n' "first 200 from /healthz" "$(((ready - t0) / 1000))" >>"$OUT/startup/phases.tsv"
    done
    : >"$OUT/startup/phases.txt"
    cut -f1 "$OUT/startup/phases.tsv" | awk '!seen[$0]++' | while read -r name; do
        awk -F'\t' -v n="$name" '$1 == n {print $2}' "$OUT/startup/phases.tsv" >"$TMP/phase.ms"
        printf '  %6s  %s\n' "$(median "$TMP/phase.ms")" "$name" >>"$OUT/startup/phases.txt"
    done
    sort -n -o "$OUT/startup/phases.txt" "$OUT/startup/phases.txt"
    log "console start-up (fresh data folder): median ms since java -jar at each log line"
    cat "$OUT/startup/phases.txt"
}

# The pieces the console's log cannot separate, timed cold in a fresh JVM each (org.nre.bench.startup.StartupPieces).
startup_pieces() {
    local runs=$((RUNS < 5 ? RUNS : 5)) run name
    : >"$OUT/startup/pieces.tsv"
    for run in $(seq 1 "$runs"); do
        (cd "$SNAP" && java -cp "$BENCH_CP" org.nre.bench.startup.StartupPieces) 2>>"$OUT/logs/startup-pieces.log" \
            | awk -F'\t' 'NF == 2 && $2 ~ /^[0-9]+$/' >>"$OUT/startup/pieces.tsv" || die "StartupPieces failed: see $OUT/logs/startup-pieces.log"
    done
    log "pieces of the console's start-up, each timed cold in a fresh JVM ($runs runs), median ms"
    cut -f1 "$OUT/startup/pieces.tsv" | awk '!seen[$0]++' | while read -r name; do
        awk -F'\t' -v n="$name" '$1 == n {print $2}' "$OUT/startup/pieces.tsv" >"$TMP/piece.ms"
        read -r m lo hi n <<<"$(stats "$TMP/piece.ms")"
        fig "startup.piece.$name.median_ms" "$m" "(min $lo, max $hi, n $n)"
    done
}

part_startup() {
    part_begin startup
    local run kind m floor_m settled_m
    RESTART_DATA=$TMP/restart-data
    mkdir -p "$RESTART_DATA"
    log "warming the page cache (one start of each, not counted)"
    startup_once floor 0
    startup_once console-restart 0
    rm -f "$OUT"/startup/*.ms "$OUT"/startup/*.rss-kb
    # The floor as a bare hello-world, and again with the Jetty setting the console makes before its servers start
    # (WebServer.settleJettyDefaults): the console's ratio to the second is what it adds beyond the same server.
    log "$RUNS starts each of the floor (bare, then with the console's Jetty setting), the console on a fresh data folder and the console restarted on its data"
    for run in $(seq 1 "$RUNS"); do
        wait_quiet
        startup_once floor "$run"
        startup_once floor-settled "$run" -Dorg.eclipse.jetty.util.referencesPerCacheLine=16
        startup_once console-fresh "$run"
        startup_once console-restart "$run"
        log "run $run: floor $(tail -1 "$OUT/startup/floor.ms") ms, settled $(tail -1 "$OUT/startup/floor-settled.ms") ms, console fresh $(tail -1 "$OUT/startup/console-fresh.ms") ms, restart $(tail -1 "$OUT/startup/console-restart.ms") ms"
    done
    floor_m=$(median "$OUT/startup/floor.ms")
    settled_m=$(median "$OUT/startup/floor-settled.ms")
    for kind in floor floor-settled console-fresh console-restart; do
        read -r m lo hi n <<<"$(stats "$OUT/startup/$kind.ms")"
        local note="(min $lo, max $hi, n $n)"
        [[ $kind == floor* ]] || note="$note ratio to floor $(calc "$m / $floor_m"), to the settled floor $(calc "$m / $settled_m"); target <= 1500 ms: $(verdict "$m <= 1500")"
        fig "startup.$kind.median_ms" "$m" "$note"
        read -r m lo hi n <<<"$(stats "$OUT/startup/$kind.rss-kb")"
        fig "startup.$kind.rss_at_ready_mib" "$(calc "$m / 1024")" "(median VmRSS at the first 200; min $(calc "$lo / 1024"), max $(calc "$hi / 1024"))"
    done
    startup_phases
    startup_pieces
    # Classes loaded to the first 200 (one start each, not timed).
    local port logf
    for kind in floor console; do
        port=$(free_port)
        logf=$OUT/logs/classload-$kind.log
        if [ "$kind" = floor ]; then
            start "$logf" -- java -Xlog:class+load=info:file="$OUT/startup/classes-$kind.txt" -jar "$FLOOR_JAR" --port "$port"
        else
            start "$logf" -- java -Xlog:class+load=info:file="$OUT/startup/classes-$kind.txt" -jar "$CONSOLE_JAR" \
                --port "$port" --data "$(mktemp -d "$TMP/data.XXXXXX")"
        fi
        wait_ready "$port" "$PID" 120 || die "$kind did not start for the class count"
        stop "$PID"
        fig "startup.$kind.classes_loaded" "$(grep -c 'source:' "$OUT/startup/classes-$kind.txt")" \
            "($(grep -c 'shared objects file' "$OUT/startup/classes-$kind.txt") from the JDK's CDS archive)"
    done
    fig "load.startup.after" "$(loadavg)"
}

# A Java that can write an ahead-of-time cache in one run (JDK 25 and later, JEP 514): BENCH_JAVA25 or the first
# such JDK under /usr/lib/jvm; nothing when there is none.
java_with_aot_cache() {
    local j
    for j in ${BENCH_JAVA25:-} /usr/lib/jvm/*/bin/java; do
        [ -x "$j" ] || continue
        if "$j" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
            echo "$j"
            return
        fi
    done
}

# archive_run LOG DATA JAVA [JAVA_OPTION...]: one start of the console on DATA, stopped once it answers, for an
# archive the JVM writes as it exits (which can take a while: JDK 25 assembles its cache in a second JVM).
archive_run() {
    local logf=$1 data=$2 port
    shift 2
    port=$(free_port)
    start "$logf" -- "$@" -jar "$CONSOLE_JAR" --port "$port" --data "$data"
    wait_ready "$port" "$PID" 120 || { cat "$logf" >&2; die "the console did not start to write an archive"; }
    stop "$PID" 120
}

# What JVM options, an archive of the classes or Java 25's ahead-of-time cache would do for the console's first
# starts and restarts: a guide for operators and for the proposals.
part_startup_options() {
    part_begin startup-options
    local runs=$((RUNS < 5 ? RUNS : 5)) run name m lo hi n java25
    local jsa=$TMP/console.jsa aot=$TMP/console.aot
    RESTART_DATA=$TMP/restart-options-data
    mkdir -p "$RESTART_DATA"
    # Each archive is written by a first start; the AppCDS one also makes the data the restarts below start on.
    log "creating an application class-data archive (AppCDS) from one first start of the console"
    archive_run "$OUT/logs/appcds-dump.log" "$RESTART_DATA" java -XX:ArchiveClassesAtExit="$jsa"
    [ -f "$jsa" ] || die "no AppCDS archive was written (see $OUT/logs/appcds-dump.log)"
    declare -A options=(
        [default]=""
        [tiered1]="-XX:TieredStopAtLevel=1"
        [serialgc]="-XX:+UseSerialGC"
        [appcds]="-XX:SharedArchiveFile=$jsa"
        [appcds+tiered1+serialgc]="-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    )
    local names=(default tiered1 serialgc appcds appcds+tiered1+serialgc) restarts=(default appcds)
    declare -A java_of=()
    java25=$(java_with_aot_cache)
    if [ -n "$java25" ]; then
        log "creating an ahead-of-time cache with $java25 from one first start of the console"
        archive_run "$OUT/logs/aot-dump.log" "$(mktemp -d "$TMP/data.XXXXXX")" "$java25" -XX:AOTCacheOutput="$aot"
        [ -f "$aot" ] || die "no ahead-of-time cache was written (see $OUT/logs/aot-dump.log)"
        options[java25]=""
        options[java25+aot]="-XX:AOTCache=$aot"
        java_of[java25]=$java25
        java_of[java25+aot]=$java25
        names+=(java25 java25+aot)
        restarts+=(java25 java25+aot)
        fig "startup-options.java25" "$("$java25" -version 2>&1 | head -1)" "(the Java the java25 variants run on)"
    else
        log "no JDK 25 or later found (set BENCH_JAVA25 to its java): the java25 variants are left out"
    fi
    for run in $(seq 1 "$runs"); do
        wait_quiet
        for name in "${names[@]}"; do
            # shellcheck disable=SC2086
            STARTUP_JAVA=${java_of[$name]:-java} startup_once "opt-$name" "$run" ${options[$name]}
        done
        for name in "${restarts[@]}"; do
            # shellcheck disable=SC2086
            STARTUP_JAVA=${java_of[$name]:-java} startup_once "opt-restart-$name" "$run" ${options[$name]}
        done
    done
    for name in "${names[@]}"; do
        read -r m lo hi n <<<"$(stats "$OUT/startup/opt-$name.ms")"
        fig "startup-options.$name.median_ms" "$m" "(first start; min $lo, max $hi, n $n; ${options[$name]:-no option})"
    done
    for name in "${restarts[@]}"; do
        read -r m lo hi n <<<"$(stats "$OUT/startup/opt-restart-$name.ms")"
        fig "startup-options.restart-$name.median_ms" "$m" "(restart; min $lo, max $hi, n $n; ${options[$name]:-no option})"
    done
    fig "load.startup-options.after" "$(loadavg)"
}

# --- the console under test, signed in ----------------------------------------------------------------------------

# console_up NAME [JAVA_OPTION...]: a console on a fresh data folder with known passwords, and the console
# options in APP_ARGS (an array; --data DIR when it names the data folder); sets PORT, CPID, CLOG
APP_ARGS=()
console_up() {
    local name=$1
    shift
    PORT=$(free_port)
    CLOG=$OUT/logs/console-$name.log
    local data=("--data" "$(mktemp -d "$TMP/data.XXXXXX")")
    [[ " ${APP_ARGS[*]} " != *" --data "* ]] || data=()
    start "$CLOG" NRE_ADMIN_PASSWORD="$ADMIN_PW" NRE_DEMO_PASSWORD="$DEMO_PW" -- \
        java "$@" -jar "$CONSOLE_JAR" --port "$PORT" "${data[@]}" "${APP_ARGS[@]}"
    CPID=$PID
    wait_ready "$PORT" "$CPID" 180 || { cat "$CLOG" >&2; die "the console ($name) did not start"; }
}

# api METHOD PATH [JSON]: a signed-in call; sets CODE and BODY
api() {
    local out
    if [ $# -ge 3 ]; then
        out=$(curl -s -w '\n%{http_code}' -X "$1" -b "nre_session=$TOKEN" -H "X-CSRF-Token: $CSRF" \
            -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$PORT$2")
    else
        out=$(curl -s -w '\n%{http_code}' -b "nre_session=$TOKEN" "http://127.0.0.1:$PORT$2")
    fi
    CODE=${out##*$'\n'}
    BODY=${out%$'\n'*}
}

sign_in() {
    local jar=$TMP/cookies out
    out=$(curl -s -c "$jar" -H 'Content-Type: application/json' \
        -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PW\"}" "http://127.0.0.1:$PORT/api/session")
    CSRF=$(echo "$out" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
    TOKEN=$(awk '$6 == "nre_session" {print $7}' "$jar")
    [ -n "$TOKEN" ] && [ -n "$CSRF" ] || die "signing in as admin failed: $out"
    # A console administrator holds a tool right only once it is granted: the runs below use the tools as admin.
    local grant right levels version
    for grant in nre.registration:RWD nre.settings:RW simulated-router.vendor:RW; do
        right=${grant%%:*} levels=${grant##*:}
        api GET "/api/rights/$right"
        [ "$CODE" = 200 ] || continue
        version=$(echo "$BODY" | sed -n 's/.*"version":\([0-9]*\)}$/\1/p')
        api POST "/api/rights/$right/grant" "{\"subject\":\"user:admin\",\"levels\":\"$levels\",\"version\":$version,\"confirm\":true}"
        [ "$CODE" = 200 ] || die "granting $right to admin answered $CODE: $BODY"
    done
}

# The terms version the panel offers, once the plugin has fetched the terms from the router.
terms_version() {
    local i version=""
    for i in $(seq 1 120); do
        api GET /api/panels/nre
        version=$(echo "$BODY" | grep -o '"name":"terms-version","value":"[^"]*"' | sed 's/.*"value":"\([^"]*\)"/\1/' || true)
        [ -z "$version" ] || break
        sleep 0.5
    done
    [ -n "$version" ] || die "the panel never offered the terms: $BODY"
    echo "$version"
}

# The registration, end to end through the JSON API: register, the vendor authorizes, check status: Active.
registration_flow() {
    local version id
    version=$(terms_version)
    api POST /api/panels/nre/actions/register "{\"accept-terms\":true,\"terms-version\":\"$version\"}"
    [ "$CODE" = 200 ] && [[ $BODY == *'"outcome":"success"'* ]] || die "register answered $CODE: $BODY"
    api GET /api/panels/simulated-router
    id=$(echo "$BODY" | grep -o '"id":"reg_[^"]*"' | head -1 | cut -d'"' -f4)
    [ -n "$id" ] || die "the simulated router holds no registration: $BODY"
    api POST /api/panels/simulated-router/actions/authorize "{\"registration\":\"$id\"}"
    [ "$CODE" = 200 ] || die "authorizing $id answered $CODE: $BODY"
    api POST /api/panels/nre/actions/refresh '{}'
    [ "$CODE" = 200 ] && [[ $BODY == *'"outcome":"success"'* ]] || die "refresh answered $CODE: $BODY"
    api GET /api/panels/nre
    [[ $BODY == *'"label":"Exchange Status","text":"Active"'* ]] || die "the panel does not show Active: $BODY"
}

# --- 2. panel throughput ------------------------------------------------------------------------------------------

# wrk_run FILE PATH SECONDS: wrk -t2 -c32 with the session cookie; the page's live update asks "changed since?"
# with the ETag it was last given, as the page's script does between changes
wrk_run() {
    local extra=()
    if [ "$2" = /panels/nre/live ]; then
        extra=(-H "If-None-Match: $(live_etag)")
    fi
    wrk -t2 -c32 -d"$3"s --latency -H "Cookie: nre_session=$TOKEN" "${extra[@]}" "http://127.0.0.1:$PORT$2" >"$1"
}
live_etag() {
    curl -s -D - -o /dev/null -b "nre_session=$TOKEN" "http://127.0.0.1:$PORT/panels/nre/live" \
        | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'
}
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_p99_ms() {
    awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
        printf "%.2f\n", (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : v }' "$1"
}
wrk_errors() {
    awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1"
}

wrk_state() {
    local state=$1 rep path name f
    local paths=(/healthz /panels/nre /api/panels/nre /panels/nre/live)
    for path in "${paths[@]}"; do
        wrk_run "$OUT/wrk/$state-warmup.txt" "$path" "$WRK_WARMUP"
    done
    for rep in $(seq 1 "$WRK_REPEATS"); do
        wait_quiet
        for path in "${paths[@]}"; do
            name=$(echo "$path" | sed 's#^/##; s#/#-#g')
            f=$OUT/wrk/$state-$name-$rep.txt
            wrk_run "$f" "$path" "$WRK_SECONDS"
            wrk_rps "$f" >>"$OUT/wrk/$state-$name.rps"
            wrk_p99_ms "$f" >>"$OUT/wrk/$state-$name.p99"
            wrk_errors "$f" >>"$OUT/wrk/$state-$name.errors"
            log "$state $path: $(wrk_rps "$f") requests/s, p99 $(wrk_p99_ms "$f") ms, errors $(wrk_errors "$f")"
        done
    done
    # wrk counts a redirect (to the sign-in page) as a success: the session must still show the panel.
    api GET /panels/nre
    [ "$CODE" = 200 ] && [[ $BODY == *'National Records Exchange - Registration'* ]] \
        || die "after the load, GET /panels/nre answered $CODE, not the panel"
    local health panel p99 errors ratio
    health=$(median "$OUT/wrk/$state-healthz.rps")
    read -r m lo hi n <<<"$(stats "$OUT/wrk/$state-healthz.rps")"
    fig "wrk.$state.healthz.rps" "$m" "(min $lo, max $hi, n $n; p99 $(median "$OUT/wrk/$state-healthz.p99") ms)"
    for name in panels-nre api-panels-nre panels-nre-live; do
        read -r m lo hi n <<<"$(stats "$OUT/wrk/$state-$name.rps")"
        panel=$m
        p99=$(median "$OUT/wrk/$state-$name.p99")
        errors=$(awk '{n += $1} END {print n + 0}' "$OUT/wrk/$state-$name.errors")
        ratio=$(calc "$panel / $health")
        fig "wrk.$state.$name.rps" "$panel" "(min $lo, max $hi, n $n; errors $errors)"
        fig "wrk.$state.$name.ratio_to_healthz" "$ratio" "(target >= 0.50: $(verdict "$ratio >= 0.5 && $errors == 0"))"
        read -r m lo hi n <<<"$(stats "$OUT/wrk/$state-$name.p99")"
        fig "wrk.$state.$name.p99_ms" "$m" "(min $lo, max $hi; target <= 10 ms: $(verdict "$m <= 10"))"
    done
}

part_wrk() {
    part_begin wrk
    console_up wrk
    sign_in
    api GET /panels/nre
    [ "$CODE" = 200 ] && [[ $BODY == *'National Records Exchange - Registration'* ]] \
        || die "GET /panels/nre answered $CODE, not the panel"
    terms_version >/dev/null
    log "panel and /healthz under wrk -t2 -c32 -d${WRK_SECONDS}s, $WRK_REPEATS times each, before registering"
    wrk_state not-registered
    registration_flow
    log "... and once the registration is Active"
    wrk_state active
    fig wrk.console.rss_after_load_mib "$(calc "$(rss_kb "$CPID") / 1024")" "(VmHWM $(calc "$(hwm_kb "$CPID") / 1024") MiB)"
    stop "$CPID"
    fig "load.wrk.after" "$(loadavg)"
}

# How many SQL statements one request sends: the console on the default embedded URL plus H2's statement trace
# (TRACE_LEVEL_FILE=3), one request at a time, the trace's new prepareStatement calls counted (fewest of 3 tries,
# so that a status-poller run in between cannot inflate it). Before and after the registration.
part_panel_queries() {
    part_begin panel-queries
    local data trace state path name i a b n best
    data=$(mktemp -d "$TMP/data.XXXXXX")
    APP_ARGS=(--data "$data" --db-url "jdbc:h2:file:$data/console;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=3")
    console_up panel-queries
    APP_ARGS=()
    trace=$data/console.trace.db
    sign_in
    terms_version >/dev/null
    for state in not-registered active; do
        [ "$state" = not-registered ] || registration_flow
        for path in /healthz /panels/nre /api/panels/nre; do
            name=$(echo "$path" | sed 's#^/##; s#/#-#g')
            best=""
            for i in 1 2 3; do
                a=$(wc -l <"$trace")
                curl -s -o /dev/null -b "nre_session=$TOKEN" "http://127.0.0.1:$PORT$path"
                sleep 0.3
                b=$(wc -l <"$trace")
                sed -n "$((a + 1)),${b}p" "$trace" | grep -o 'prepareStatement("[^"]\{0,90\}' \
                    | sed 's/prepareStatement("//; s/\\n.*//' >"$TMP/statements.txt" || true
                n=$(wc -l <"$TMP/statements.txt")
                if [ -z "$best" ] || [ "$n" -lt "$best" ]; then
                    best=$n
                    cp "$TMP/statements.txt" "$OUT/panel-queries-$state-$name.txt"
                fi
            done
            fig "panel-queries.$state.$name.sql_statements" "$best" "(SQL statements one GET $path sends)"
        done
    done
    stop "$CPID"
}

# What the embedded database's statement cache does for the panel: H2 keeps 8 parsed statements per connection by
# default; the console asks for 64 (HostDatabase). Same console, same command, with the console's embedded URL and
# with H2's default size given in --db-url (A/B, twice, interleaved).
part_panel_options() {
    part_begin panel-options
    local round variant data path name f
    for round in 1 2; do
        for variant in default qcache8; do
            wait_quiet
            data=$(mktemp -d "$TMP/data.XXXXXX")
            APP_ARGS=(--data "$data")
            [ "$variant" = default ] || APP_ARGS+=(--db-url "jdbc:h2:file:$data/console;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=8")
            console_up "panel-$variant-$round"
            APP_ARGS=()
            sign_in
            terms_version >/dev/null
            for path in /healthz /panels/nre /api/panels/nre; do
                wrk_run "$OUT/wrk/options-warmup.txt" "$path" "$WRK_WARMUP"
            done
            for path in /healthz /panels/nre /api/panels/nre; do
                name=$(echo "$path" | sed 's#^/##; s#/#-#g')
                f=$OUT/wrk/options-$variant-$name-$round.txt
                wrk_run "$f" "$path" "$WRK_SECONDS"
                wrk_rps "$f" >>"$OUT/wrk/options-$variant-$name.rps"
                wrk_p99_ms "$f" >>"$OUT/wrk/options-$variant-$name.p99"
                log "$variant (round $round) $path: $(wrk_rps "$f") requests/s, p99 $(wrk_p99_ms "$f") ms"
            done
            stop "$CPID"
        done
    done
    for variant in default qcache8; do
        for name in healthz panels-nre api-panels-nre; do
            fig "panel-options.$variant.$name.rps" "$(median "$OUT/wrk/options-$variant-$name.rps")" \
                "(p99 $(median "$OUT/wrk/options-$variant-$name.p99") ms; median of 2 rounds)"
        done
    done
    fig "load.panel-options.after" "$(loadavg)"
}

# --- 5. memory ----------------------------------------------------------------------------------------------------

part_memory() {
    part_begin memory
    local name opts oom f
    for name in default xmx64m; do
        opts=()
        [ "$name" = default ] || opts=(-Xmx64m)
        console_up "memory-$name" "${opts[@]}"
        sleep 3 # the status poller's first run and the terms fetch
        fig "memory.$name.rss_after_start_mib" "$(calc "$(rss_kb "$CPID") / 1024")" "(java ${opts[*]:-with default options}: VmRSS 3 s after the first 200)"
        sign_in
        api GET /panels/nre
        [ "$CODE" = 200 ] && [[ $BODY == *'National Records Exchange - Registration'* ]] || die "$name: GET /panels/nre answered $CODE"
        api GET /api/panels/nre
        [ "$CODE" = 200 ] || die "$name: GET /api/panels/nre answered $CODE"
        registration_flow
        fig "memory.$name.flow" "passed" "(signed in, panel served as HTML and JSON, registered, authorized, status Active)"
        fig "memory.$name.rss_after_flow_mib" "$(calc "$(rss_kb "$CPID") / 1024")"
        f=$OUT/wrk/memory-$name-api-panels-nre.txt
        wrk_run "$f" /api/panels/nre "$WRK_SECONDS"
        kill -0 "$CPID" 2>/dev/null || die "$name: the console died under load"
        fig "memory.$name.under_load" "$(wrk_rps "$f") requests/s" "(GET /api/panels/nre, wrk -t2 -c32 -d${WRK_SECONDS}s; errors $(wrk_errors "$f"))"
        fig "memory.$name.rss_after_load_mib" "$(calc "$(rss_kb "$CPID") / 1024")" "(VmHWM $(calc "$(hwm_kb "$CPID") / 1024") MiB)"
        oom=$(grep -c 'OutOfMemoryError' "$CLOG" || true)
        fig "memory.$name.out_of_memory_errors" "$oom"
        stop "$CPID"
    done
    fig "load.memory.after" "$(loadavg)"
}

# --- 3 and 4. JMH -------------------------------------------------------------------------------------------------

jmh() {
    local name=$1
    shift
    local quick=()
    [ "$QUICK" = 0 ] || quick=(-wi 1 -i 2 -w 1 -r 1 -f 1)
    log "JMH $name: $*"
    java -cp "$BENCH_CP" org.openjdk.jmh.Main "$@" "${quick[@]}" \
        -rf json -rff "$OUT/jmh-$name.json" >"$OUT/jmh-$name.txt" 2>&1 || { tail -40 "$OUT/jmh-$name.txt" >&2; die "JMH $name failed"; }
    grep -E '^\[rights' "$OUT/jmh-$name.txt" | sort -u | sed 's/^/  /' || true
}

part_rights() {
    part_begin rights
    local sizes=()
    [ "$QUICK" = 0 ] || sizes=(-p users=10,100000 -p groups=10,1000)
    jmh rights 'RightsCheckBenchmark\.(allows|cachedAllows)$' "${sizes[@]}"
    jmh rights-controls 'RightsCheckBenchmark\.(allowsHotUser|pickOnly)$' -p users=10,100000 -p groups=1000
    jmh rights-compute 'RightsComputeBenchmark'
    fig "load.rights.after" "$(loadavg)"
}

part_router() {
    part_begin router
    jmh router 'RouterClientBenchmark'
    # The same calls interleaved in one JVM, three JVMs in turn: JMH forks differ by up to 20% on a small machine.
    # Each run gives the overhead by wall time and by the CPU time of all the process's threads, and the thread
    # waits a call the client adds, a count that a busy machine hardly disturbs.
    local run runs=$((QUICK == 0 ? 3 : 1)) op measure
    for run in $(seq 1 "$runs"); do
        wait_quiet
        log "router calls interleaved in one JVM (RouterProbe), run $run of $runs"
        java -Xms512m -Xmx512m -cp "$BENCH_CP" org.nre.bench.router.RouterProbe >"$OUT/router-interleaved-$run.txt" 2>&1 \
            || { tail -20 "$OUT/router-interleaved-$run.txt" >&2; die "RouterProbe failed"; }
        grep -E '^INTERLEAVED|^PROCESS CPU|^THREAD WAITS|median' "$OUT/router-interleaved-$run.txt" | sed 's/^/  /'
        for op in status register; do
            awk -v op="$op" '$1 == "INTERLEAVED" && $2 == op":" {sub("%;", "", $10); print $10 + 0}' \
                "$OUT/router-interleaved-$run.txt" >>"$TMP/router-wall-$op.pct"
            awk -v op="$op" '$1 == "PROCESS" && $3 == op":" {sub("%;", "", $11); print $11 + 0}' \
                "$OUT/router-interleaved-$run.txt" >>"$TMP/router-cpu-$op.pct"
            awk -v op="$op" '$1 == "THREAD" && $3 == op":" {print ($5 + 0) - ($7 + 0)}' \
                "$OUT/router-interleaved-$run.txt" >>"$TMP/router-waits-$op.n"
        done
    done
    for op in status register; do
        for measure in wall cpu; do
            read -r m lo hi n <<<"$(stats "$TMP/router-$measure-$op.pct")"
            fig "router.interleaved.$op.${measure}_overhead_pct" "$m" \
                "(median of $n JVMs, min $lo, max $hi; over the bare call; target <= 20: $(verdict "$m <= 20"))"
        done
    done
    for op in status register; do
        read -r m lo hi n <<<"$(stats "$TMP/router-waits-$op.n")"
        fig "router.interleaved.$op.extra_thread_waits" "$m" \
            "(median of $n JVMs, min $lo, max $hi; thread waits a call beyond the bare call's)"
    done
    fig "load.router.after" "$(loadavg)"
}

# --- main ---------------------------------------------------------------------------------------------------------

ensure_tools
log "results in $OUT"
build
machine
: >"$OUT/figures.tsv"
for part in $ALL_PARTS; do
    if wants "$part"; then
        case $part in
            zip) part_zip ;;
            startup) part_startup ;;
            startup-options) part_startup_options ;;
            wrk) part_wrk ;;
            panel-queries) part_panel_queries ;;
            panel-options) part_panel_options ;;
            memory) part_memory ;;
            rights) part_rights ;;
            router) part_router ;;
        esac
    fi
done

{
    echo "NRE performance measurements ($(date -u +%Y-%m-%dT%H:%M:%SZ)); results in $OUT"
    echo
    cat "$OUT/machine.txt"
    echo
    echo "Figures (name, value, notes):"
    awk -F'\t' '{printf "  %-44s %s %s\n", $1, $2, $3}' "$OUT/figures.tsv"
    if [ -f "$OUT/startup/phases.txt" ]; then
        echo
        echo "Console start-up, fresh data folder: median ms since java -jar at each log line"
        cat "$OUT/startup/phases.txt"
    fi
    if [ -f "$OUT/zip-lib.txt" ]; then
        echo
        echo "Plugin zip lib/:"
        sed 's/^/  /' "$OUT/zip-lib.txt"
    fi
    if ls "$OUT"/jmh-*.json >/dev/null 2>&1; then
        echo
        echo "JMH (median of the measured iterations, range, mean +- 99.9% error):"
        java -cp "$BENCH_CP" org.nre.bench.report.JmhSummary "$OUT"/jmh-*.json | sed 's/^/  /'
    fi
} >"$OUT/summary.txt"
echo
cat "$OUT/summary.txt"
