#!/usr/bin/env bash
# `npm test` with a CPU load beside it: LOAD busy processes (default 2, one per core on the
# reference machine) spin for the whole run, then stop. The suite must pass all the same.
set -uo pipefail
cd "$(dirname "$0")/.."
load=${LOAD:-2}
if ! [[ "$load" =~ ^[0-9]+$ ]]; then
  echo "LOAD must be a whole number of busy processes, not \"$load\"" >&2
  exit 2
fi

busy=()
stop_load() { [ ${#busy[@]} -gt 0 ] && kill "${busy[@]}" 2>/dev/null; }
trap stop_load EXIT
for _ in $(seq 1 "$load"); do
  (while :; do :; done) &
  busy+=($!)
done
echo "=== load: ${load} busy process(es) (${busy[*]:-none}) beside npm test"
npm test
