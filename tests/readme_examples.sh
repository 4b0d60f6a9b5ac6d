#!/usr/bin/env bash
# Runs the commands the README shows (STYLE.md §12: examples are tests):
#   tests/readme_examples.sh BUILD_DIR
set -euo pipefail
ansinh="$(cd "$1" && pwd)/bin/ansinh"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

"$ansinh" --help | grep -q 'init'
"$ansinh" --help | grep -q 'serve'
"$ansinh" init --db sqlite:var/demo.db > init.json
grep -q '"schema_version"' init.json
grep -q '"key_file": "/' init.json  # absolute: where the sealing key of this database lives
# A second init is harmless: migrations forward, reference data unchanged.
"$ansinh" init --db sqlite:var/demo.db --format table | grep -q 'schema_version'

"$ansinh" serve --db sqlite:var/demo.db --port 0 > serve.out 2> serve.err &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q listening serve.out 2>/dev/null && break
  sleep 0.1
done
url="$(sed -n 's/.*"listening":"\([^"]*\)".*/\1/p' serve.out)"
[[ -n "$url" ]] || { echo "server did not start" >&2; cat serve.err >&2; exit 1; }
health="$(curl -fsS "$url/healthz")"
echo "$health" | grep -q '"status":"ok"'
echo "$health" | grep -q '"db":"sqlite"'

# A database that was never initialised is refused with exit code 75 and a Vietnamese message.
set +e
"$ansinh" serve --db sqlite:empty.db --port 0 > /dev/null 2> refused.err
code=$?
set -e
[[ $code -eq 75 ]] || { echo "expected exit 75, got $code" >&2; exit 1; }
grep -q 'ansinh init' refused.err
# The registry commands on a small demo file (old commune codes, hence --edition).
"$ansinh" demo-file --size 200 --period 2024-09 --out var/demo.csv > demo-file.json
"$ansinh" import --db sqlite:var/demo.db beneficiaries var/demo.csv --edition pre2025 --dry-run > dry.json
"$ansinh" import --db sqlite:var/demo.db beneficiaries var/demo.csv --edition pre2025 > import.json
code="$(sed -n '2p' var/demo.csv | cut -d, -f1)"
"$ansinh" beneficiary --db sqlite:var/demo.db show --code "$code" | grep -q "$code"
"$ansinh" beneficiary --db sqlite:var/demo.db terminate --code "$code" --reason death --date 2024-06-20 > /dev/null
"$ansinh" lists --db sqlite:var/demo.db --unit 38 --edition pre2025 --out var/lists > lists.json
[[ -f var/lists/danh-sach-dang-ky-38.xlsx ]]
echo 'Mat-khau-dai-3kHq!' | "$ansinh" user --db sqlite:var/demo.db add --username xa01 \
  --role commune_officer --unit 14908 --edition pre2025 --password-stdin > /dev/null
"$ansinh" audit-log --db sqlite:var/demo.db verify > /dev/null
"$ansinh" keys --db sqlite:var/demo.db rotate > rotate.json
grep -q '"resumed": false' rotate.json
[[ -n "$(ls var/ansinh.key.retired-*)" ]]
"$ansinh" beneficiary --db sqlite:var/demo.db show --code "$code" | grep -q "$code"
"$ansinh" audit-log --db sqlite:var/demo.db verify > /dev/null
"$ansinh" init --db sqlite:var/demo2.db --demo 38 --size 300 > demo-init.json
grep -q '"committed": true' demo-init.json
echo "README examples: 1 passed, 0 failed"
