[ "${BASH_VERSINFO[0]}" -ge 5 ] || { echo "The benchmarks need bash 5 or later." >&2; exit 2; }

# Sourced by run.sh and compare-startup.sh: waiting for a console's first 200 without starting a process at each
# try. A curl, date or sleep every 10 ms costs 2 to 11 ms of CPU each, a third of a two-core machine taken from the
# start being timed; bash's clock, /dev/tcp and a timed read cost next to nothing.

# The microseconds since the epoch, in NOW_US.
now_us_var() { NOW_US=${EPOCHREALTIME//[.,]/}; }

# A 10 ms pause: a read that times out on a pipe nobody writes to.
exec {PAUSE_FD}<> <(:)
pause_10ms() { read -r -t 0.01 -u "$PAUSE_FD" _ || true; }

# healthz_get PORT: one GET /healthz over HTTP/1.0; sets HEALTHZ_STATUS (000 when nothing answered) and
# HEALTHZ_BODY (the answer's header and body lines, joined).
healthz_get() {
    local line="" fd
    HEALTHZ_STATUS=000
    HEALTHZ_BODY=""
    { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
    printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$fd"
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
