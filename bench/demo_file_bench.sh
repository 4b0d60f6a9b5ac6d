#!/usr/bin/env bash
# Benchmark of the demo province generator: `ansinh demo-file` writes N
# synthetic beneficiaries (default 1,000,000) as an import CSV; prints one JSON
# object with wall-clock seconds (whole process, reference data loading
# included), rows per second and the file size.
#   bench/demo_file_bench.sh [BUILD_DIR] [SIZE]
set -euo pipefail
build_dir="${1:-build}"
size="${2:-1000000}"
ansinh="$build_dir/bin/ansinh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A fixed period keeps the file identical from one run to the next.
start_ns=$(date +%s%N)
"$ansinh" demo-file --size "$size" --seed 1 --period 2025-03 --out "$work/demo.csv" \
  >"$work/summary.json"
end_ns=$(date +%s%N)

rows=$(sed -n 's/^  "rows": \([0-9]*\),*$/\1/p' "$work/summary.json")
bytes=$(sed -n 's/^  "bytes": \([0-9]*\),*$/\1/p' "$work/summary.json")
awk -v ns="$((end_ns - start_ns))" -v rows="$rows" -v bytes="$bytes" -v size="$size" 'BEGIN {
  s = ns / 1e9
  printf "{\"benchmark\":\"demo_file\",\"beneficiaries\":%d,\"rows\":%d,\"bytes\":%d,", size, rows, bytes
  printf "\"seconds\":%.3f,\"rows_per_s\":%.0f,\"mb_per_s\":%.1f}\n", s, rows / s, bytes / s / 1e6
}'
