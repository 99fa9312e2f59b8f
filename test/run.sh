#!/usr/bin/env bash
# The whole test suite, from a fresh clone: `npm test`.
# Installs the dev dependencies when they are missing, then builds, lints (n8n's community-node
# rules), type-checks, runs the jest suites (unit + integration through n8n-core against the fake
# platform) and the end-to-end suite in a real n8n (skipped with TOVIE_SKIP_E2E=1).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/jest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "== installing dev dependencies (npm ci)"
	npm ci
fi

echo "== build"; npm run --silent build
echo "== lint (n8n community-node rules)"; npm run --silent lint
echo "== type-check"; npm run --silent typecheck
echo "== unit and integration tests"; npx jest --ci "$@"
if [ "${TOVIE_SKIP_E2E:-0}" != "1" ] && node -e "process.exit(require('./package.json').scripts['test:e2e'] ? 0 : 1)"; then
	echo "== end-to-end tests in a real n8n"; npm run --silent test:e2e
fi
