#!/usr/bin/env bash
# `npm test`: every check and test the project has — lint, types, unit and integration tests
# (PGlite and a throwaway PostgreSQL 15), then a production build and the Playwright e2e suite.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results

bash scripts/ensure-system-packages.sh || exit 1

failed=()
stage() {
  local name=$1; shift
  echo "=== ${name}: $*"
  if ! "$@"; then failed+=("$name"); echo "=== ${name}: FAILED"; fi
}

stage lint npx eslint --max-warnings 0 .
stage typecheck npx tsc --noEmit -p .
stage vitest npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest-results.json
stage build npx next build
# The e2e server takes a port nothing listens on (the OS picks it) unless E2E_PORT names one;
# the specs that start servers of their own pick free ports too.
if [ -z "${E2E_PORT:-}" ]; then
  E2E_PORT=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  export E2E_PORT
fi
stage e2e npx playwright test
rm -rf "data/e2e-${E2E_PORT}" data/e2e-*-"${E2E_PORT}"

node scripts/summarize-tests.mjs test-results/vitest-results.json test-results/e2e-results.json
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed stages: ${failed[*]}"
  exit 1
fi
