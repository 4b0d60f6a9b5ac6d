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
echo "README examples: 1 passed, 0 failed"
