#!/usr/bin/env bash
# End-to-end benchmark of `ansinh init`: loads every shipped reference table
# into a fresh database and prints one JSON object with wall-clock seconds.
#   bench/init_bench.sh BUILD_DIR            (SQLite)
#   ANSINH_TEST_PG_URL=… bench/init_bench.sh BUILD_DIR   (also PostgreSQL)
#   bench/init_bench.sh BUILD_DIR DEMO_SIZE  (also `init --demo 38 --size
#     DEMO_SIZE` on a fresh SQLite database: seconds and peak RSS, GNU time)
set -euo pipefail
build_dir="${1:-build}"
demo_size="${2:-}"
ansinh="$build_dir/bin/ansinh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds_of() {  # runs a command, prints its wall time in seconds
  local start_ns end_ns
  start_ns=$(date +%s%N)
  "$@" >/dev/null
  end_ns=$(date +%s%N)
  awk -v ns="$((end_ns - start_ns))" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

sqlite_first=$(seconds_of "$ansinh" init --db "sqlite:$work/bench.db")
sqlite_again=$(seconds_of "$ansinh" init --db "sqlite:$work/bench.db")
pg_first=null
pg_again=null
if [[ -n "${ANSINH_TEST_PG_URL:-}" ]]; then
  pg_url="${ANSINH_TEST_PG_URL%/*}/ansinh_init_bench"
  psql "$ANSINH_TEST_PG_URL" -qc 'DROP DATABASE IF EXISTS ansinh_init_bench' -c 'CREATE DATABASE ansinh_init_bench'
  pg_first=$(seconds_of "$ansinh" init --db "$pg_url")
  pg_again=$(seconds_of "$ansinh" init --db "$pg_url")
  psql "$ANSINH_TEST_PG_URL" -qc 'DROP DATABASE ansinh_init_bench'
fi
demo=null
if [[ -n "$demo_size" ]]; then
  start_ns=$(date +%s%N)
  /usr/bin/time -v -o "$work/demo.time" "$ansinh" init --db "sqlite:$work/demo.db" --demo 38 \
    --size "$demo_size" >"$work/demo.json"
  sync "$work/demo.db"
  end_ns=$(date +%s%N)
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/demo.time")
  demo=$(awk -v ns="$((end_ns - start_ns))" -v n="$demo_size" -v rss="$rss_kb" 'BEGIN {
    printf "{\"size\":%d,\"seconds\":%.1f,\"people_per_s\":%.0f,\"peak_rss_mb\":%d}", n, ns / 1e9, n / (ns / 1e9), rss / 1024 }')
fi
printf '{"benchmark":"init","sqlite_fresh_s":%s,"sqlite_rerun_s":%s,"postgresql_fresh_s":%s,"postgresql_rerun_s":%s,"sqlite_demo":%s}\n' \
  "$sqlite_first" "$sqlite_again" "$pg_first" "$pg_again" "$demo"
