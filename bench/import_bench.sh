#!/usr/bin/env bash
# End-to-end benchmark of `ansinh import beneficiaries` (issue 3, item 10),
# printing one JSON object:
#  - a CSV of ~ROWS data rows (default 1,000,000) written by the demo
#    generator, imported with full validation into a fresh `ansinh init`
#    SQLite database, all-or-nothing in one transaction; rows/s end to end
#    (process start to exit, file read, parse, validation, every table, the
#    commit, the closing checkpoint, then `sync` of the database files);
#  - the raw floor measured in the same run: the same people written into the
#    same tables of another fresh database by bench/import_raw_insert.cc (plain
#    batched INSERTs, no validation); ratio = import rows/s / raw rows/s;
#  - an XLSX of ~XLSX_ROWS data rows (default 100,000) from the same generator,
#    imported the same way;
#  - the same CSV import and raw floor on PostgreSQL when ANSINH_TEST_PG_URL is
#    set (scripts/with-postgres.sh bench/import_bench.sh BUILD_DIR);
#  - peak RSS of every import (GNU time);
#  - beside every wall-clock figure the same over CPU time (user + system of
#    the process): on a shared machine the wall clock also measures the other
#    tenants, CPU time does not (fsync waits are in wall time only).
# SQLite runs with the project's settings (WAL, synchronous=NORMAL): the commit
# is durable once the closing checkpoint has synced the database file, which
# happens before the process exits, and the timing includes it.
#   bench/import_bench.sh [BUILD_DIR] [ROWS] [XLSX_ROWS]
set -euo pipefail
build_dir="${1:-build}"
target_rows="${2:-1000000}"
xlsx_rows="${3:-100000}"
ansinh="$build_dir/bin/ansinh"
raw="$build_dir/bin/ansinh_import_raw"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
json_field() { sed -n "s/^ *\"$2\": \([0-9]*\),*$/\1/p" "$1" | head -1; }

# People for about `rows` data rows: the generator gives some people two rows.
people_for_rows() {
  "$ansinh" demo-file --size 20000 --seed 1 --period 2025-03 --out "$work/probe.csv" >"$work/probe.json"
  awk -v want="$1" -v got="$(json_field "$work/probe.json" rows)" \
    'BEGIN { printf "%d", want * 20000 / got }'
}

# import DB_URL FILE NAME: runs the import under GNU time; sets seconds, rss_kb, rows.
import_file() {
  local db="$1" file="$2" name="$3" start
  start=$(now_ns)
  /usr/bin/time -v -o "$work/$name.time" "$ansinh" import --db "$db" beneficiaries "$file" \
    --edition pre2025 --max-rows 5000000 >"$work/$name.json"
  if [[ "$db" == sqlite:* ]]; then sync "${db#sqlite:}"; fi
  seconds=$(seconds_since "$start")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
  cpu_s=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$work/$name.time")
  rows=$(json_field "$work/$name.json" accepted_rows)
  local rejected
  rejected=$(json_field "$work/$name.json" rejected_rows)
  if [[ "$rejected" != 0 ]]; then echo "import $name rejected $rejected rows" >&2; exit 1; fi
}

per_s() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

people=$(people_for_rows "$target_rows")
gen_start=$(now_ns)
"$ansinh" demo-file --size "$people" --seed 1 --period 2025-03 --out "$work/demo.csv" >"$work/demo.json"
gen_s=$(seconds_since "$gen_start")
csv_rows=$(json_field "$work/demo.json" rows)
csv_bytes=$(json_field "$work/demo.json" bytes)

"$ansinh" init --db "sqlite:$work/import.db" >/dev/null
import_file "sqlite:$work/import.db" "$work/demo.csv" sqlite_csv
sqlite_s=$seconds sqlite_rss=$rss_kb sqlite_rows=$rows sqlite_cpu=$cpu_s
"$ansinh" init --db "sqlite:$work/raw.db" >/dev/null
sqlite_raw=$("$raw" "sqlite:$work/raw.db" "$work/demo.csv")
sqlite_raw_rps=$(sed -n 's/.*"rows_per_s":\([0-9]*\).*/\1/p' <<<"$sqlite_raw")
sqlite_raw_cps=$(sed -n 's/.*"rows_per_cpu_s":\([0-9]*\).*/\1/p' <<<"$sqlite_raw")
sqlite_rps=$(per_s "$sqlite_rows" "$sqlite_s")

xlsx_people=$(awk -v p="$people" -v r="$csv_rows" -v x="$xlsx_rows" 'BEGIN { printf "%d", p * x / r }')
"$ansinh" demo-file --size "$xlsx_people" --seed 1 --period 2025-03 --format xlsx \
  --out "$work/demo.xlsx" >"$work/demo_xlsx.json"
"$ansinh" init --db "sqlite:$work/xlsx.db" >/dev/null
import_file "sqlite:$work/xlsx.db" "$work/demo.xlsx" sqlite_xlsx
xlsx_s=$seconds xlsx_rss=$rss_kb xlsx_done=$rows xlsx_cpu=$cpu_s

pg='null'
if [[ -n "${ANSINH_TEST_PG_URL:-}" ]]; then
  pg_import="${ANSINH_TEST_PG_URL%/*}/ansinh_import_bench"
  pg_raw="${ANSINH_TEST_PG_URL%/*}/ansinh_import_raw_bench"
  for db in ansinh_import_bench ansinh_import_raw_bench; do
    psql "$ANSINH_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  done
  "$ansinh" init --db "$pg_import" >/dev/null
  "$ansinh" init --db "$pg_raw" >/dev/null
  import_file "$pg_import" "$work/demo.csv" pg_csv
  pg_s=$seconds pg_rss=$rss_kb pg_rows=$rows pg_cpu=$cpu_s
  pg_raw_out=$("$raw" "$pg_raw" "$work/demo.csv")
  pg_raw_rps=$(sed -n 's/.*"rows_per_s":\([0-9]*\).*/\1/p' <<<"$pg_raw_out")
  pg_rps=$(per_s "$pg_rows" "$pg_s")
  pg=$(printf '{"rows":%s,"seconds":%s,"rows_per_s":%s,"raw_insert_rows_per_s":%s,"ratio_to_raw":%s,"client_cpu_s":%s,"peak_rss_mb":%s}' \
    "$pg_rows" "$pg_s" "$pg_rps" "$pg_raw_rps" "$(ratio "$pg_rps" "$pg_raw_rps")" "$pg_cpu" "$((pg_rss / 1024))")
  for db in ansinh_import_bench ansinh_import_raw_bench; do
    psql "$ANSINH_TEST_PG_URL" -qc "DROP DATABASE $db"
  done
fi

printf '{"benchmark":"import","load_average":"%s",' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '"csv":{"people":%s,"rows":%s,"bytes":%s,"generate_s":%s},' \
  "$people" "$csv_rows" "$csv_bytes" "$gen_s"
printf '"sqlite":{"durability":"WAL, synchronous=NORMAL (project default), closing checkpoint and sync timed",'
printf '"rows":%s,"seconds":%s,"rows_per_s":%s,"raw_insert_rows_per_s":%s,"ratio_to_raw":%s,' \
  "$sqlite_rows" "$sqlite_s" "$sqlite_rps" "$sqlite_raw_rps" "$(ratio "$sqlite_rps" "$sqlite_raw_rps")"
printf '"cpu_s":%s,"rows_per_cpu_s":%s,"raw_insert_rows_per_cpu_s":%s,"cpu_ratio_to_raw":%s,"peak_rss_mb":%s},' \
  "$sqlite_cpu" "$(per_s "$sqlite_rows" "$sqlite_cpu")" "$sqlite_raw_cps" \
  "$(ratio "$(per_s "$sqlite_rows" "$sqlite_cpu")" "$sqlite_raw_cps")" "$((sqlite_rss / 1024))"
printf '"xlsx_sqlite":{"rows":%s,"seconds":%s,"rows_per_s":%s,"cpu_s":%s,"rows_per_cpu_s":%s,"peak_rss_mb":%s},' \
  "$xlsx_done" "$xlsx_s" "$(per_s "$xlsx_done" "$xlsx_s")" "$xlsx_cpu" "$(per_s "$xlsx_done" "$xlsx_cpu")" \
  "$((xlsx_rss / 1024))"
printf '"postgresql":%s}\n' "$pg"
