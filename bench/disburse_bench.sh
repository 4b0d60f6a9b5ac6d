#!/usr/bin/env bash
# End-to-end benchmark of disbursement (issue 5, "Done when"): on the demo
# province of SIZE people (default 250,000), the current month's cycle is run
# and approved, routes are set (BTXH through a provider, NCC directly by the
# Treasury), and then, each timed with /usr/bin/time -v (wall, CPU, peak RSS):
#   open_and_export  `disburse export --format pain001`: opens every batch of the
#                    cycle (one transaction: items, line states, ledger) and
#                    writes the pain.001 files of the account batches;
#   export_csv       `disburse export --format csv` again: no batch to open, the
#                    CSV list of every batch (cash included) written;
#   ingest           `disburse ingest` of what came back for every line: the
#                    pain.002 answers of the bank simulator (a share rejected)
#                    for account batches and a provider result sheet (CSV,
#                    paid in cash) for each cash batch.
# Then `ansinh audit` must be clean. Prints one JSON object per store.
#   bench/disburse_bench.sh BUILD_DIR [SIZE]                  (SQLite)
#   ANSINH_TEST_PG_URL=… bench/disburse_bench.sh BUILD_DIR    (also PostgreSQL)
# ANSINH_BENCH_SQLITE_CACHE=DIR keeps the approved SQLite database of a size as
# DIR/disburse_SIZE.db and copies it on later runs instead of building it again.
set -euo pipefail
shopt -s inherit_errexit
build_dir="${1:-build}"
size="${2:-250000}"
ansinh="$build_dir/bin/ansinh"
bank_sim="$build_dir/bin/ansinh-bank-sim"
work="$(mktemp -d)"
sim_pid=""
cleanup() {
  [[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
period="$(date -u +%Y-%m)"

prepare() {  # url: the demo, its cycle approved, the two routes set
  local url="$1"
  "$ansinh" init --db "$url" --demo 38 --size "$size" >/dev/null
  "$ansinh" payroll --db "$url" run --period "$period" --unit 38 >/dev/null
  "$ansinh" payroll --db "$url" approve --period "$period" --unit 38 --as truong.phong >/dev/null
  "$ansinh" disburse --db "$url" route set --unit 38 --group BTXH --route PROVIDER \
    --provider VNPOST --provider-name "Bưu điện Thanh Hóa" --contract 12/2025/HĐ \
    --account 3713.0.1055555 --fee-bps 55 --fee-min 2000 --fee-max 20000 >/dev/null
  "$ansinh" disburse --db "$url" route set --unit 38 --group NCC --route TREASURY_DIRECT \
    --provider KBNN --contract KB-38 --account 9527.1.1055555 >/dev/null
}

prepare_sqlite() {  # file
  local file="$1" cache="${ANSINH_BENCH_SQLITE_CACHE:-}"
  if [[ -n "$cache" && -f "$cache/disburse_$size.db" ]]; then
    cp "$cache/disburse_$size.db" "$file"
    "$ansinh" init --db "sqlite:$file" >/dev/null  # migrations of this build
    return
  fi
  prepare "sqlite:$file"
  if [[ -n "$cache" ]]; then
    mkdir -p "$cache"
    sqlite3 "$file" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    cp "$file" "$cache/disburse_$size.db"
  fi
}

timed() {  # name command...: runs it, keeps /usr/bin/time -v's report as $work/name.time
  local name="$1"
  shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out"
}

# wall seconds, CPU seconds (user + system) and peak RSS MiB of a timed step, as JSON members.
figures() {  # name
  awk -F': ' -v name="$1" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "\"%s_s\":%.3f,\"%s_cpu_s\":%.3f,\"%s_peak_rss_mib\":%.1f", name, wall, name, cpu, name, rss }' \
    "$work/$1.time"
}

start_bank() {  # 3 % of account transfers rejected, deterministic
  "$bank_sim" --port 0 --seed 7 --reject AC01=100 --reject AC04=100 --reject MD07=100 \
    >"$work/bank.out" 2>"$work/bank.log" &
  sim_pid=$!
  for _ in $(seq 100); do
    [[ -s "$work/bank.out" ]] && break
    sleep 0.05
  done
  bank_port=$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$work/bank.out" | head -1)
}

# What came back: a pain.002 from the bank for each pain.001, a result sheet
# (everything paid in cash on the 10th) for each cash batch's CSV list.
collect_results() {  # out_dir
  local out="$1" file
  mkdir -p "$work/results"
  for file in "$out"/*.xml; do
    curl -sf -H 'Content-Type: application/xml' --data-binary "@$file" \
      "http://127.0.0.1:$bank_port/pain001" >"$work/results/$(basename "$file" .xml).pain002.xml"
  done
  for file in "$out"/*-[CH]-*.csv; do
    awk -F',' -v day="${period}-10" 'BEGIN { print "ma_dong_chi_tra,ket_qua,so_tien,ngay_chi" }
      NR > 1 && $1 != "TONG_CONG" && $1 != "XUAT_BOI" { print $2 ",Đã chi," $10 "," day }' \
      "$file" >"$work/results/$(basename "$file" .csv).sheet.csv"
  done
}

ingest_all() {  # url: every result file by one command, as an office would at month end
  "$ansinh" disburse --db "$1" ingest "$work"/results/* --as ketoan
}

measure() {  # store url
  local store="$1" url="$2" lines ingested audit_status=0
  rm -rf "$work/out" "$work/results"
  timed open_and_export "$ansinh" disburse --db "$url" export --period "$period" --unit 38 \
    --format pain001 --out "$work/out"
  timed export_csv "$ansinh" disburse --db "$url" export --period "$period" --unit 38 \
    --format csv --out "$work/out"
  lines=$(grep -h '^TONG_CONG' "$work"/out/*.csv | awk -F',' '{ s += $2 } END { print s + 0 }')
  collect_results "$work/out"
  export -f ingest_all
  export ansinh work
  timed ingest bash -c 'ingest_all "$0"' "$url"
  ingested=$(grep -c '"kind"' "$work/ingest.out" || true)
  "$ansinh" audit --db "$url" >"$work/audit.json" || audit_status=$?
  printf '{"benchmark":"disburse","store":"%s","beneficiaries":%d,"lines":%d,"files_ingested":%d,%s,%s,%s,"audit_exit":%d}\n' \
    "$store" "$size" "$lines" "$ingested" "$(figures open_and_export)" "$(figures export_csv)" \
    "$(figures ingest)" "$audit_status"
}

start_bank
stores="${ANSINH_BENCH_STORES:-sqlite postgresql}"
if [[ " $stores " == *" sqlite "* ]]; then
  prepare_sqlite "$work/disburse.db"
  measure sqlite "sqlite:$work/disburse.db"
fi
if [[ -n "${ANSINH_TEST_PG_URL:-}" && " $stores " == *" postgresql "* ]]; then
  # The throwaway test cluster runs with fsync=off; a durable commit needs it on.
  psql "$ANSINH_TEST_PG_URL" -qc "ALTER SYSTEM SET fsync = on" -c "SELECT pg_reload_conf()" >/dev/null
  db="ansinh_disburse_bench_$size"
  psql "$ANSINH_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  prepare "${ANSINH_TEST_PG_URL%/*}/$db"
  measure postgresql "${ANSINH_TEST_PG_URL%/*}/$db"
  psql "$ANSINH_TEST_PG_URL" -qc "DROP DATABASE $db"
fi
