#!/usr/bin/env bash
# npm run screenshots: the editor in a real browser. Starts a throwaway dev n8n (scripts/dev.sh
# with its own user folder and port), then drives Debian's chromium with playwright-core
# (scripts/screenshots.cts): logs in, opens a workflow holding every node of the package, opens
# each node's parameter panel and the credential dialog, saves PNGs to docs/screenshots/ and fails
# when a node icon is missing or a panel shows an error.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_chromium
export SCREENSHOT_PORT="${SCREENSHOT_PORT:-5699}"
start_throwaway_n8n "$SCREENSHOT_PORT" tovie-screens
cd "$REPO_DIR"
CHROMIUM="$CHROMIUM" SCREENSHOT_URL="http://localhost:$SCREENSHOT_PORT" node bench/run.js scripts/screenshots.cts "$@"
