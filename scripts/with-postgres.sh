#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster on loopback:
#   with-postgres.sh COMMAND [ARGS...]
# The cluster lives in its own temporary directory on a random port and is
# removed afterwards, whatever the command's outcome. The command sees
# ANSINH_TEST_PG_URL, and ANSINH_REQUIRE_POSTGRES=1 so no PostgreSQL test can skip.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cluster_dir="$(mktemp -d /tmp/ansinh-pg.XXXXXX)"
cleanup() { "$root/scripts/pg-test-cluster.sh" stop "$cluster_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
ANSINH_TEST_PG_URL="$("$root/scripts/pg-test-cluster.sh" start "$cluster_dir")"
export ANSINH_TEST_PG_URL
export ANSINH_REQUIRE_POSTGRES=1
"$@"
