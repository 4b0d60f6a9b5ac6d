#!/usr/bin/env bash
# What SQLite alone costs for the writes behind the speed targets of issues 3,
# 4 and 5, with no ansinh code at all: the rows are first prepared in
# in-memory temporary tables (not timed; the register step reads the attached
# demo database instead, which was faster), then each step is one set-based SQL
# statement in the sqlite3 shell, timed from BEGIN to COMMIT (no reading,
# parsing, validation, sealing, JSON, file writing or round trips), on the
# shipped schema (every index, CHECK and foreign key), durable commit (WAL,
# synchronous = FULL), on the demo province. A figure here is a floor: the
# real command does this and more.
#   bench/sqlite_floor.sh BUILD_DIR [SIZE]       (SIZE people, default 250000)
# Prints one JSON object. ANSINH_BENCH_SQLITE_CACHE=DIR keeps the loaded demo
# (DIR/floor_SIZE.db) for later runs.
#   payroll_lines_s  INSERT … SELECT of one REGULAR line per entitlement into
#                    payment_lines (reads the register as a run must)
#   export_s         batch_items for every line and the lines marked sent
#   ingest_s         payment_results for every line and the lines marked paid
#   register_s       the register's rows (people, entitlements, payment methods,
#                    representatives, history, already sealed) copied into a
#                    fresh database: the B-tree work of an import of the same rows
set -euo pipefail
shopt -s inherit_errexit
build_dir="${1:-build}"
size="${2:-250000}"
ansinh="$build_dir/bin/ansinh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
period="$(date -u +%Y-%m)"
# As the server opens a database (store/sqlite/sqlite_session.cc), plus
# durable commits and temporary tables in memory.
setup="PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536; PRAGMA mmap_size = 536870912; PRAGMA temp_store = MEMORY;"

seconds_of() {  # db prepare_sql timed_sql: prints the wall seconds of timed_sql
  sqlite3 -bail "$1" "$setup
$2
SELECT 'start', strftime('%s', 'now') || substr(strftime('%f', 'now'), 4);
$3
SELECT 'end', strftime('%s', 'now') || substr(strftime('%f', 'now'), 4);" |
    awk -F'|' '$1 == "start" { s = $2 } $1 == "end" { e = $2 }
      END { printf "%.3f", (e - s) / 1000 }'
}

demo="$work/demo.db"
cache="${ANSINH_BENCH_SQLITE_CACHE:-}"
if [[ -n "$cache" && -f "$cache/floor_$size.db" ]]; then
  cp "$cache/floor_$size.db" "$demo"
else
  "$ansinh" init --db "sqlite:$demo" --demo 38 --size "$size" >/dev/null
  sqlite3 "$demo" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  if [[ -n "$cache" ]]; then mkdir -p "$cache" && cp "$demo" "$cache/floor_$size.db"; fi
fi
entitlements=$(sqlite3 "$demo" "SELECT count(*) FROM entitlements")

# Payroll: the lines of a cycle, straight from the register.
cp "$demo" "$work/payroll.db"
payroll_s=$(seconds_of "$work/payroll.db" "
INSERT INTO pay_cycles (unit_code, unit_edition, period, status, prepared_by, prepared_at,
  run_fingerprint, line_count, amount_vnd, receivable_count)
  VALUES ('38', '2025', '$period', 'draft', 'floor', '2026-01-01T00:00:00Z', '', 0, 0, 0);
CREATE TEMP TABLE lines AS
SELECT replace('$period', '-', '') || '-' || e.id || '-R-' || replace('$period', '-', '') AS line_id,
  (SELECT max(id) FROM pay_cycles) AS cycle_id, b.id AS beneficiary_id, b.code AS code,
  e.id AS entitlement_id, e.policy_code AS policy_code,
  coalesce(pm.channel, 'CASH_PAYPOINT') AS channel, b.commune_code AS commune_code
FROM entitlements e JOIN beneficiaries b ON b.id = e.beneficiary_id
LEFT JOIN payment_methods pm ON pm.beneficiary_id = b.id
WHERE b.status = 'active' ORDER BY b.id, e.id;" "
BEGIN;
INSERT INTO payment_lines (line_id, cycle_id, period, beneficiary_id, beneficiary_code,
  entitlement_id, one_off_id, policy_code, kind, for_period, amount_vnd, channel, recipient,
  status, hold_reason, commune_code)
SELECT line_id, cycle_id, '$period', beneficiary_id, code, entitlement_id, NULL, policy_code,
  'REGULAR', '$period', 500000, channel, 'SELF', 'pending', NULL, commune_code
FROM temp.lines;
COMMIT;")
lines=$(sqlite3 "$work/payroll.db" "SELECT count(*) FROM payment_lines")
sqlite3 "$work/payroll.db" "UPDATE pay_cycles SET status = 'approved', approved_by = 'floor2',
  approved_at = prepared_at; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

# Export: one open batch per channel, every line in one, every line sent.
export_s=$(seconds_of "$work/payroll.db" "
INSERT INTO disbursement_batches (batch_id, cycle_id, route_kind, provider_code, provider_name,
  contract_number, source_account, channel, sequence, status, fee_kind, fee_fixed_vnd, fee_bps,
  fee_min_vnd, fee_max_vnd, pay_by_date, transfer_count, total_vnd, fee_vnd, created_by,
  created_at)
SELECT 'FLOOR-' || channel, cycle_id, 'PROVIDER', 'VNPOST', 'Bưu điện', 'HĐ', '1', channel, 1,
  'open', 'FIXED', 0, 0, 0, 0, '$period-15', count(*), sum(amount_vnd), 0, 'floor',
  '2026-01-01T00:00:00Z'
FROM payment_lines GROUP BY cycle_id, channel;
CREATE TEMP TABLE items AS
SELECT b.id AS batch_ref, l.id AS line_ref, l.line_id AS line_id,
  row_number() OVER (PARTITION BY b.id ORDER BY l.id) AS position, l.amount_vnd AS amount_vnd
FROM payment_lines l JOIN disbursement_batches b ON b.cycle_id = l.cycle_id AND b.channel = l.channel
WHERE l.status = 'pending' ORDER BY b.id, position;" "
BEGIN;
INSERT INTO batch_items (batch_ref, line_ref, line_id, position, transfer_vnd, live)
SELECT batch_ref, line_ref, line_id, position, amount_vnd, 1 FROM temp.items;
UPDATE payment_lines SET status = 'sent' WHERE status = 'pending';
COMMIT;")

# Ingest: one report answering every line, every line paid.
ingest_s=$(seconds_of "$work/payroll.db" "
INSERT INTO ingested_reports (message_id, batch_id, transactions, ingested_by, ingested_at)
  VALUES ('FLOOR', 'FLOOR', $lines, 'floor', '2026-01-01T00:00:00Z');
CREATE TEMP TABLE results AS
SELECT batch_ref, line_ref, (SELECT max(id) FROM ingested_reports) AS report_ref FROM batch_items
ORDER BY batch_ref, line_ref;" "
BEGIN;
INSERT INTO payment_results (batch_ref, line_ref, report_ref, status, reason_code)
SELECT batch_ref, line_ref, report_ref, 'paid', NULL FROM temp.results;
UPDATE payment_lines SET status = 'paid' WHERE status = 'sent';
COMMIT;")

# Import: the register's rows into a fresh database of the same schema.
"$ansinh" init --db "sqlite:$work/register.db" >/dev/null
register_s=$(seconds_of "$work/register.db" "ATTACH '$demo' AS demo;" "
BEGIN;
INSERT INTO main.beneficiaries SELECT * FROM demo.beneficiaries;
INSERT INTO main.entitlements SELECT * FROM demo.entitlements;
INSERT INTO main.representatives SELECT * FROM demo.representatives;
INSERT INTO main.payment_methods SELECT * FROM demo.payment_methods;
INSERT INTO main.beneficiary_history SELECT * FROM demo.beneficiary_history;
COMMIT;")

awk -v size="$size" -v rows="$entitlements" -v lines="$lines" -v p="$payroll_s" \
    -v e="$export_s" -v i="$ingest_s" -v r="$register_s" 'BEGIN {
  printf "{\"benchmark\":\"sqlite_floor\",\"beneficiaries\":%d,\"import_rows\":%d,\"lines\":%d,", size, rows, lines
  printf "\"payroll_lines_s\":%s,\"export_s\":%s,\"ingest_s\":%s,\"register_s\":%s,", p, e, i, r
  printf "\"register_rows_per_s\":%.0f}\n", rows / r }'
