#!/usr/bin/env bash
# A first-time user's path through the editor in a real browser (scripts/first-run.cts): starts a
# throwaway dev n8n (scripts/dev.sh with its own user folder and port) and drives Debian's chromium
# with playwright-core: search "JAICP" and "chatbot" in the nodes panel, add Tovie Chat, create the
# credential with only the Chat API token, Execute step against a fake Tovie platform on loopback,
# read the answer, open Tovie Chat Trigger's setup notice. Fails on a console error, a missing icon
# or a panel error. Screenshots go to SCREENSHOT_DIR (default: a new temporary folder).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
	[[ $EUID -eq 0 ]] || die "chromium is needed: sudo apt-get install -y chromium"
	log "installing chromium from Debian"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export FIRST_RUN_PORT="${FIRST_RUN_PORT:-5697}"
folder="$(mktemp -d "${TMPDIR:-/tmp}/tovie-first-run.XXXXXX")"
stop() {
	N8N_USER_FOLDER="$folder" N8N_PORT="$FIRST_RUN_PORT" bash "$REPO_DIR/scripts/dev.sh" --stop >/dev/null 2>&1 || true
	sleep 2
	[[ "${E2E_KEEP:-0}" == 1 ]] || rm -rf "$folder"
}
trap stop EXIT
N8N_USER_FOLDER="$folder" N8N_PORT="$FIRST_RUN_PORT" N8N_RUNNERS_BROKER_PORT=$((FIRST_RUN_PORT + 1000)) \
	bash "$REPO_DIR/scripts/dev.sh" --background
cd "$REPO_DIR"
CHROMIUM="$CHROMIUM" FIRST_RUN_URL="http://localhost:$FIRST_RUN_PORT" node bench/run.js scripts/first-run.cts "$@"
