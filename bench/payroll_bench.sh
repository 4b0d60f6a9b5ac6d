#!/usr/bin/env bash
# End-to-end benchmark of `ansinh payroll run` (issue 4 item 10): the demo
# province of each size, the current month's draft built in one durable
# transaction, timed with /usr/bin/time -v (wall seconds, peak RSS), next to a
# raw batched insert of the same number of lines into the same payment_lines
# table (bench/payroll_insert_bench.cc) measured in the same run. Prints one
# JSON object per store and size.
#   bench/payroll_bench.sh BUILD_DIR [SIZES]         (SQLite; SIZES default "250000 1000000")
#   ANSINH_TEST_PG_URL=… bench/payroll_bench.sh BUILD_DIR   (also PostgreSQL)
# `init --demo` caps the demo at 1,000,000 people (the import holds the file in
# memory), so 5,000,000 is extrapolated from the measured sizes.
# ANSINH_BENCH_SQLITE_CACHE=DIR keeps each size's freshly loaded SQLite demo as
# DIR/payroll_SIZE.db and copies it on later runs instead of loading it again
# (init_demo_s is then the copy's time).
set -euo pipefail
shopt -s inherit_errexit
build_dir="${1:-build}"
sizes="${2:-250000 1000000}"
ansinh="$build_dir/bin/ansinh"
# The binary that loads the demo; another build's may stand in while this
# tree's import is being reworked.
init_ansinh="${ANSINH_INIT_BIN:-$ansinh}"
bench="$build_dir/bin/ansinh_bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
period="$(date -u +%Y-%m)"

seconds_of() {  # runs a command quietly, prints its wall time in seconds
  local start_ns end_ns
  start_ns=$(date +%s%N)
  "$@" >/dev/null
  end_ns=$(date +%s%N)
  awk -v ns="$((end_ns - start_ns))" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

measure() {  # store url size
  local store="$1" url="$2" size="$3" init_s run_out lines wall rss insert_ms
  local cache="${ANSINH_BENCH_SQLITE_CACHE:-}" file="${url#sqlite:}"
  if [[ "$store" == sqlite && -n "$cache" && -f "$cache/payroll_$size.db" ]]; then
    init_s=$(seconds_of cp "$cache/payroll_$size.db" "$file")
  else
    init_s=$(seconds_of "$init_ansinh" init --db "$url" --demo 38 --size "$size")
    if [[ "$store" == sqlite && -n "$cache" ]]; then
      mkdir -p "$cache"
      sqlite3 "$file" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
      cp "$file" "$cache/payroll_$size.db"
    fi
  fi
  "$ansinh" init --db "$url" >/dev/null  # migrations of this build
  /usr/bin/time -v -o "$work/time.txt" "$ansinh" payroll --db "$url" run --period "$period" \
    --unit 38 > "$work/run.json"
  lines=$(sed -n 's/^  "count": \([0-9]*\),*$/\1/p' "$work/run.json" | head -1)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
           for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  insert_ms=$(ANSINH_BENCH_DB="$url" ANSINH_BENCH_LINES="$lines" "$bench" \
    --benchmark_filter=BM_PayrollRawInsert --benchmark_format=json 2>/dev/null |
    awk -F': ' '/"real_time"/ { gsub(/,/, "", $2); print $2; exit }')
  awk -v store="$store" -v size="$size" -v init="$init_s" -v lines="$lines" -v wall="$wall" \
      -v rss="$rss" -v ins="$insert_ms" 'BEGIN {
    ratio = ins > 0 ? wall / (ins / 1000) : 0
    printf "{\"benchmark\":\"payroll_run\",\"store\":\"%s\",\"beneficiaries\":%d,\"init_demo_s\":%s,", store, size, init
    printf "\"lines\":%d,\"run_s\":%s,\"peak_rss_mib\":%.1f,\"raw_insert_s\":%.3f,\"run_over_raw_insert\":%.2f,", lines, wall, rss / 1024, ins / 1000, ratio
    printf "\"run_s_per_million_lines\":%.2f}\n", (lines > 0 ? wall / lines * 1e6 : 0) }'
}

stores="${ANSINH_BENCH_STORES:-sqlite postgresql}"  # which stores to measure
for size in $sizes; do
  if [[ " $stores " == *" sqlite "* ]]; then
    measure sqlite "sqlite:$work/payroll_$size.db" "$size"
    rm -f "$work/payroll_$size.db"*
  fi
  if [[ -n "${ANSINH_TEST_PG_URL:-}" && " $stores " == *" postgresql "* ]]; then
    # The throwaway test cluster runs with fsync=off; a durable commit needs it on.
    psql "$ANSINH_TEST_PG_URL" -qc "ALTER SYSTEM SET fsync = on" -c "SELECT pg_reload_conf()" >/dev/null
    db="ansinh_payroll_bench_$size"
    psql "$ANSINH_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    measure postgresql "${ANSINH_TEST_PG_URL%/*}/$db" "$size"
    psql "$ANSINH_TEST_PG_URL" -qc "DROP DATABASE $db"
  fi
done
