#!/usr/bin/env bash
# npm run screenshots: the editor in a real browser. Starts a throwaway dev n8n (scripts/dev.sh
# with its own user folder and port), then drives Debian's chromium with playwright-core
# (scripts/screenshots.cts): logs in, opens a workflow holding every node of the package, opens
# each node's parameter panel and the credential dialog, saves PNGs to docs/screenshots/ and fails
# when a node icon is missing or a panel shows an error.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
	[[ $EUID -eq 0 ]] || die "chromium is needed: sudo apt-get install -y chromium"
	log "installing chromium from Debian"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export SCREENSHOT_PORT="${SCREENSHOT_PORT:-5699}"
folder="$(mktemp -d "${TMPDIR:-/tmp}/tovie-screens.XXXXXX")"
stop() {
	N8N_USER_FOLDER="$folder" N8N_PORT="$SCREENSHOT_PORT" bash "$REPO_DIR/scripts/dev.sh" --stop >/dev/null 2>&1 || true
	sleep 2
	[[ "${E2E_KEEP:-0}" == 1 ]] || rm -rf "$folder"
}
trap stop EXIT
N8N_USER_FOLDER="$folder" N8N_PORT="$SCREENSHOT_PORT" N8N_RUNNERS_BROKER_PORT=$((SCREENSHOT_PORT + 1000)) \
	bash "$REPO_DIR/scripts/dev.sh" --background
cd "$REPO_DIR"
CHROMIUM="$CHROMIUM" SCREENSHOT_URL="http://localhost:$SCREENSHOT_PORT" node bench/run.js scripts/screenshots.cts "$@"
