#!/usr/bin/env bash
# `npm test`: installs what the tests need (Debian's chromium, a running PostgreSQL) and runs
# every suite: typecheck, lint, unit, integration on PGlite and on PostgreSQL, Playwright e2e.
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/ensure-test-deps.sh
ensure_chromium
ensure_nginx
ensure_postgres

passed=0; failed=0; failed_names=()
run() {
  local name="$1"; shift
  echo; echo "=== ${name} ==="
  if "$@"; then passed=$((passed + 1)); echo "=== ${name}: passed ==="
  else failed=$((failed + 1)); failed_names+=("$name"); echo "=== ${name}: FAILED ==="; fi
}

run "typecheck" npx tsc --noEmit
run "lint (ESLint, then knip: no unused file, export or dependency)" npm run lint
run "dependency audit (fails on critical advisories; says when the registry cannot be asked)" node scripts/audit-deps.mjs
run "unit tests" npx vitest run --project unit
run "integration tests on PGlite" env -u TEST_DATABASE_URL SIGNET_TEST_ENGINE=pglite npx vitest run --project integration
if [ -n "${PG_TEST_URL:-}" ]; then
  run "integration tests on PostgreSQL" env TEST_DATABASE_URL="$PG_TEST_URL" SIGNET_TEST_ENGINE=postgres npx vitest run --project integration
else
  failed=$((failed + 1)); failed_names+=("integration tests on PostgreSQL (no server reachable)")
fi
run "end-to-end tests (Playwright, chromium)" npx playwright test

echo
echo "Suites: ${passed} passed, ${failed} failed"
if [ "$failed" -gt 0 ]; then printf '  failed: %s\n' "${failed_names[@]}"; exit 1; fi
