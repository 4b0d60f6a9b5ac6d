#!/usr/bin/env bash
# Installs what is missing for a stage: `install-deps.sh build` or `install-deps.sh test`.
# Idempotent and quiet when everything is there, so `make run` stays fast.
set -euo pipefail
stage="${1:-build}"
root="$(cd "$(dirname "$0")/.." && pwd)"
list="$root/deps/debian-packages.txt"

wanted_packages() {
  awk -v stage="$stage" '!/^#/ && NF >= 2 {
      if ($2 == "build" || stage == "test") print $1 }' "$list"
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for package in $(wanted_packages); do
  # A node >= 20 that the machine already has (not from Debian) is kept as it is.
  if [[ "$package" == nodejs || "$package" == npm ]] && command -v node >/dev/null \
      && command -v npm >/dev/null; then
    continue
  fi
  is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web UI's packages, exactly as locked; re-run only when the lockfile changes.
web="$root/web"
if [[ -f "$web/package-lock.json" ]]; then
  stamp="$web/node_modules/.ansinh-lock-stamp"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$web/package-lock.json" "$stamp"; then
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$web/package-lock.json" "$stamp"
  fi
fi
