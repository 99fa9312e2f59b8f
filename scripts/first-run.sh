#!/usr/bin/env bash
# A first-time user's path through the editor in a real browser (scripts/first-run.cts): starts a
# throwaway dev n8n (scripts/dev.sh with its own user folder and port) and drives Debian's chromium
# with playwright-core: search "JAICP" and "chatbot" in the nodes panel, add Tovie Chat, create the
# credential with only the Chat API token, Execute step against a fake Tovie platform on loopback,
# read the answer, open Tovie Chat Trigger's setup notice. Fails on a console error, a missing icon
# or a panel error. Screenshots go to SCREENSHOT_DIR (default: a new temporary folder).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_chromium
export FIRST_RUN_PORT="${FIRST_RUN_PORT:-5697}"
start_throwaway_n8n "$FIRST_RUN_PORT" tovie-first-run
cd "$REPO_DIR"
CHROMIUM="$CHROMIUM" FIRST_RUN_URL="http://localhost:$FIRST_RUN_PORT" node bench/run.js scripts/first-run.cts "$@"
