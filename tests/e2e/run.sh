#!/usr/bin/env bash
# Browser tests of the web UI against a real server.
#
# Usage: tests/e2e/run.sh BUILD_DIR
# Builds nothing: it needs BUILD_DIR/bin/ansinh, web/dist (npm run build) and
# web/node_modules (npm ci). Starts `ansinh serve` on a fresh SQLite database
# and a free port, runs `node --test`, stops the server with SIGTERM and fails
# if the tests fail or the server does not exit cleanly.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="$(cd "$1" && pwd)/bin/ansinh"
web_dist="$repo/web/dist"
readonly start_timeout_s=30 stop_timeout_s=15

for needed in "$binary" "$web_dist/index.html" "$repo/web/node_modules/playwright-core"; do
  if [[ ! -e "$needed" ]]; then
    echo "e2e: missing $needed (build the binary, then 'npm ci && npm run build' in web/)" >&2
    exit 2
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/ansinh-e2e-XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work/db"
}
trap cleanup EXIT

mkdir -p "$work/db" "$work/artifacts"
db_url="sqlite:$work/db/e2e.db"
echo "e2e: ansinh init --db $db_url"
"$binary" init --db "$db_url" >"$work/init.json"

"$binary" serve --db "$db_url" --port 0 --web-dir "$web_dist" \
  >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!

url=""
for ((i = 0; i < start_timeout_s * 10; i++)); do
  url="$(sed -n 's/^{"listening":"\(http[^"]*\)"}$/\1/p' "$work/serve.out" | head -n 1)"
  [[ -n "$url" ]] && break
  # A server that exited at once (e.g. schema refused) is a zombie until waited.
  if [[ "$(ps -o stat= -p "$server_pid" 2>/dev/null)" == Z* ]]; then break; fi
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "e2e: the server did not start" >&2
  cat "$work/serve.err" >&2
  exit 1
fi
echo "e2e: server at $url"

status=0
ANSINH_E2E_URL="$url" ANSINH_E2E_ARTIFACTS="$work/artifacts" \
  node --test --test-reporter=spec "$repo/tests/e2e/" || status=$?

# A watchdog bounds the wait: a server that ignores SIGTERM is killed (status 137).
kill -TERM "$server_pid"
(sleep "$stop_timeout_s" && kill -KILL "$server_pid" 2>/dev/null) &
watchdog_pid=$!
server_status=0
wait "$server_pid" || server_status=$?
kill "$watchdog_pid" 2>/dev/null || true
wait "$watchdog_pid" 2>/dev/null || true
server_pid=""
if [[ "$server_status" -ne 0 ]]; then
  echo "e2e: the server exited with $server_status after SIGTERM (137: did not stop in ${stop_timeout_s}s)" >&2
  cat "$work/serve.err" >&2
  status=1
fi
echo "e2e: screenshots in $work/artifacts"
exit "$status"
