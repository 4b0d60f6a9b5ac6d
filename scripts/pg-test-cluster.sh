#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the integration tests.
#
#   pg-test-cluster.sh start DIR   initdb into DIR, start on 127.0.0.1:<random port>,
#                                  print the URL (also written to DIR/url)
#   pg-test-cluster.sh stop DIR    stop the cluster and remove DIR
#
# PostgreSQL refuses to run as root, so when run as root the server runs as the
# `postgres` user and DIR is handed to it. Only loopback is listened on and only
# loopback is trusted, so the cluster is reachable from this machine alone.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly READY_TIMEOUT_S=30

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "${port}"
      return 0
    fi
  done
  echo "no free port found on 127.0.0.1" >&2
  return 1
}

start() {
  local dir="$1"
  mkdir -p "${dir}"
  [[ "$(id -u)" == 0 ]] && chown postgres: "${dir}" && chmod 700 "${dir}"
  as_pg "${PG_BIN}/initdb" -D "${dir}/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=reject >"${dir}/initdb.log" 2>&1
  # Trust loopback only; everything else stays rejected by initdb's default line.
  as_pg sh -c "printf 'host all all 127.0.0.1/32 trust\n' | cat - '${dir}/data/pg_hba.conf' > '${dir}/hba.tmp' && mv '${dir}/hba.tmp' '${dir}/data/pg_hba.conf'"
  local port
  port="$(free_port)"
  as_pg "${PG_BIN}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -t "${READY_TIMEOUT_S}" \
    -o "-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off" \
    start >/dev/null
  for _ in $(seq 1 "${READY_TIMEOUT_S}"); do
    if "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${port}"; then break; fi
    sleep 1
  done
  "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${port}"
  local url="postgresql://postgres@127.0.0.1:${port}/postgres"
  as_pg sh -c "printf '%s\n' '${url}' > '${dir}/url'"
  echo "${url}"
}

stop() {
  local dir="$1"
  if [[ -d "${dir}/data" ]]; then
    as_pg "${PG_BIN}/pg_ctl" -D "${dir}/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "${dir}"
}

case "${1:-}" in
  start) [[ $# -eq 2 ]] || { echo "usage: $0 start DIR" >&2; exit 2; }; start "$2" ;;
  stop) [[ $# -eq 2 ]] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
