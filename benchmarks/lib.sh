# Sourced by run.sh and compare-startup.sh: free ports, medians, and waiting for a console's first 200 without
# starting a process at each try. A curl, date or sleep every 10 ms costs 2 to 11 ms of CPU each, a third of a
# two-core machine taken from the start being timed; bash's clock, /dev/tcp and a timed read cost next to nothing.

[ "${BASH_VERSINFO[0]}" -ge 5 ] || { echo "The benchmarks need bash 5 or later." >&2; exit 2; }

# A free port below Linux's ephemeral range, so that no port the console's simulated router picks can take it.
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
}

# median min max count of the numbers in a file, one a line (the median rounded to 2 decimals)
stats() {
    sort -n "$1" | awk '{a[NR] = $1} END {
        if (NR == 0) { print "NA NA NA 0"; exit }
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "%.10g %.10g %.10g %d\n", int(m * 100 + 0.5) / 100, a[1], a[NR], NR }'
}
median() { stats "$1" | cut -d' ' -f1; }

# The microseconds since the epoch, in NOW_US.
now_us_var() { NOW_US=${EPOCHREALTIME//[.,]/}; }

# A 10 ms pause: a read that times out on a pipe nobody writes to.
exec {PAUSE_FD}<> <(:)
pause_10ms() { read -r -t 0.01 -u "$PAUSE_FD" _ || true; }

# healthz_get PORT: one GET /healthz over HTTP/1.0, with the monitoring token when NRE_MONITORING_TOKEN is set (so
# that the answer lists the plugins); sets HEALTHZ_STATUS (000 when nothing answered) and HEALTHZ_BODY (the answer's
# header and body lines, joined).
healthz_get() {
    local line="" fd
    HEALTHZ_STATUS=000
    HEALTHZ_BODY=""
    { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
    if [ -n "${NRE_MONITORING_TOKEN:-}" ]; then
        printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n' \
            "$NRE_MONITORING_TOKEN" >&"$fd"
    else
        printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$fd"
    fi
    if IFS= read -r -t 2 -u "$fd" line; then
        HEALTHZ_STATUS=${line:9:3}
        line=""
        while IFS= read -r -t 2 -u "$fd" line || [ -n "$line" ]; do
            HEALTHZ_BODY+=${line%$'\r'}
            line=""
        done
    fi
    exec {fd}>&-
}
