#!/usr/bin/env bash
# npm run test:e2e: the package in a real n8n (pinned version, Node 24, SQLite, loopback only).
# Builds and packs the package, installs the tarball into a template user folder, then runs the
# jest suites in test/e2e/ (each suite copies the template and starts its own n8n and fake
# platform). Extra arguments go to jest, e.g. `npm run test:e2e -- -t trigger`.
# E2E_KEEP=1 keeps the n8n user folders (logs, database) for inspection.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
ensure_node_modules
ensure_n8n
template="$(mktemp -d "${TMPDIR:-/tmp}/tovie-e2e-template.XXXXXX")"
trap 'rm -rf "$template"' EXIT
install_package "$template"
export E2E_N8N_HOME="$N8N_HOME" E2E_TEMPLATE_USER_FOLDER="$template"
log "package ready in $((SECONDS - started)) s; running the end-to-end suites"
cd "$REPO_DIR"
set +e
npx jest -c test/e2e/jest.config.js --runInBand "$@"
status=$?
set -e
log "end-to-end run finished in $((SECONDS - started)) s (exit $status)"
exit $status
