#!/usr/bin/env bash
# benchmarks/admin-pages.sh: how fast the administrators' pages answer as a district grows (docs/performance.md,
# "Administration at district scale"). A real console process with the NRE plugin, on a database seeded with N
# users, N/20 groups (at most 500), memberships, grants and M audit entries; the home and notices pages, the
# tool-rights page, one right's page (holders, a search, the full list half-way through), a user's effective rights
# and the audit log (newest, by user, by action over a week), each asked for in turn by a signed-in administrator
# with /healthz beside them.
# Prints the median and 90th percentile per page and size; exits 1 when a page's median is over 200 ms.
# Not part of the test command.
#
#   benchmarks/admin-pages.sh                  build, then H2 and MariaDB at 100 users/1,000 entries,
#                                              1,000/100,000 and 10,000/1,000,000 (about 15 minutes on 2 cores)
#   benchmarks/admin-pages.sh --skip-build     use the artifacts already built
#   benchmarks/admin-pages.sh --db h2          only one database: h2, mariadb or postgresql
#   benchmarks/admin-pages.sh --sizes "100:1000 10000:1000000"   other sizes, as USERS:AUDIT_ENTRIES
#   benchmarks/admin-pages.sh --rounds 50      requests per page and size (default 40)
#
# MariaDB at 127.0.0.1:3306 as root and PostgreSQL at 127.0.0.1:5432 as the current user, both without a password;
# the run drops and fills the database nre_bench_admin only. Results in benchmarks/target/admin-pages/<date-time>/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SKIP_BUILD=0
DBS="h2 mariadb"
SIZES="100:1000 1000:100000 10000:1000000"
ROUNDS=40
while [ $# -gt 0 ]; do
    case $1 in
        --skip-build) SKIP_BUILD=1 ;;
        --db) DBS=${2:?--db needs h2, mariadb or postgresql}; shift ;;
        --sizes) SIZES=${2:?--sizes needs USERS:AUDIT pairs}; shift ;;
        --rounds) ROUNDS=${2:?--rounds needs a number}; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
        *) echo "Unknown argument $1: see --help" >&2; exit 2 ;;
    esac
    shift
done

OUT=$ROOT/benchmarks/target/admin-pages/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT/plugins"
if [ "$SKIP_BUILD" = 0 ]; then
    echo "== building (mvn -Pbench install -DskipTests)"
    mvn -B -q -Pbench install -DskipTests >"$OUT/build.log" 2>&1 || { echo "the build failed: see $OUT/build.log" >&2; exit 1; }
fi
CONSOLE_JAR=$ROOT/sample-host/target/sample-host.jar
BENCH_JAR=$(ls "$ROOT"/benchmarks/target/benchmarks-*.jar 2>/dev/null | grep -v floor | head -1 || true)
[ -f "$CONSOLE_JAR" ] && [ -n "$BENCH_JAR" ] || { echo "build first (without --skip-build)" >&2; exit 1; }
cp "$ROOT"/plugins/nre-plugin-*.zip "$OUT/plugins/"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (work tree has changes)')"
    echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "sizes: $SIZES; rounds: $ROUNDS"
} | tee "$OUT/figures.txt"
status=0
for db in $DBS; do
    case $db in
        h2) url=h2 ;;
        mariadb) url=jdbc:mariadb://127.0.0.1:3306/nre_bench_admin ;;
        postgresql) url=jdbc:postgresql://127.0.0.1:5432/nre_bench_admin ;;
        *) echo "Unknown database $db: use h2, mariadb or postgresql" >&2; exit 2 ;;
    esac
    echo "== $db"
    # shellcheck disable=SC2086
    java -cp "$BENCH_JAR:$ROOT/benchmarks/target/lib/*" org.nre.bench.admin.AdminPagesLoad "$CONSOLE_JAR" \
        "$OUT/plugins" "$OUT/$db" "$url" "$ROUNDS" $SIZES 2>"$OUT/driver-$db.log" \
        | sed "s/^FIGURE admin\./FIGURE admin.$db./" | tee -a "$OUT/figures.txt" \
        || { status=$?; echo "the $db run failed; the end of $OUT/driver-$db.log:" >&2; tail -5 "$OUT/driver-$db.log" >&2; }
done
echo "== results in $OUT"
exit "$status"
