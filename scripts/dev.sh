#!/usr/bin/env bash
# npm run dev: a local n8n (pinned version, Node 24, SQLite) with this package installed the way
# users get it (npm pack + install into <N8N_USER_FOLDER>/.n8n/nodes), on http://localhost:5678.
#
#   npm run dev                      install what is missing, build, pack, install, start (foreground)
#   npm run dev -- --background      the same, but n8n keeps running after the command returns
#   npm run dev:reload               rebuild + reinstall the package and restart the running n8n
#   npm run dev -- --stop            stop a dev n8n started by this script
#
# Environment: N8N_USER_FOLDER (default <repo>/.n8n-dev), N8N_PORT (5678),
# N8N_LISTEN_ADDRESS (127.0.0.1), TOVIE_N8N_CACHE (default ~/.cache/n8n-nodes-tovie).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mode=foreground
for arg in "$@"; do
	case "$arg" in
		--background) mode=background ;;
		--restart | --reload) mode=reload ;;
		--stop) mode=stop ;;
		-h | --help) sed -n '2,13p' "$0"; exit 0 ;;
		*) die "unknown option $arg (try --help)" ;;
	esac
done

export N8N_USER_FOLDER="${N8N_USER_FOLDER:-$REPO_DIR/.n8n-dev}"
export N8N_PORT="${N8N_PORT:-5678}"
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_HOST="${N8N_HOST:-localhost}"
export N8N_EDITOR_BASE_URL="${N8N_EDITOR_BASE_URL:-http://localhost:$N8N_PORT}"
export WEBHOOK_URL="${WEBHOOK_URL:-http://localhost:$N8N_PORT/}"
SUPERVISOR_PID_FILE="$N8N_USER_FOLDER/dev-supervisor.pid"
CHILD_PID_FILE="$N8N_USER_FOLDER/dev-n8n.pid"
LOG_FILE="$N8N_USER_FOLDER/n8n.log"
URL="http://localhost:$N8N_PORT"

running_supervisor() {
	local pid
	pid="$(cat "$SUPERVISOR_PID_FILE" 2>/dev/null)" || return 1
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Waits for /healthz/readiness, then checks that n8n loaded the package without an error.
wait_ready() {
	local deadline=$((SECONDS + ${1:-180})) nodes
	until curl -fsS "http://127.0.0.1:$N8N_PORT/healthz/readiness" >/dev/null 2>&1; do
		((SECONDS < deadline)) || die "n8n did not become ready on port $N8N_PORT; see $LOG_FILE"
		sleep 1
	done
	if grep -iE '(Unrecognized node type|Error loading package|Failed to load|Cannot find module)[^\n]*tovie' "$LOG_FILE" >&2; then
		die "n8n could not load n8n-nodes-tovie; see $LOG_FILE"
	fi
	nodes="$(node -e "console.log(require(process.argv[1]).n8n.nodes.length)" "$N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-tovie/package.json")"
	log "n8n-nodes-tovie loaded: $nodes Tovie nodes (search \"Tovie\" in the nodes panel)"
}

if [[ "$mode" == stop ]]; then
	if pid="$(running_supervisor)"; then kill -TERM "$pid"; log "stopped the dev n8n (supervisor $pid)"; else log "no dev n8n is running"; fi
	exit 0
fi

ensure_node_modules
ensure_n8n
use_node24
n8n_base_env
install_package "$N8N_USER_FOLDER"

if pid="$(running_supervisor)"; then
	if [[ "$mode" == foreground ]]; then
		die "a dev n8n is already running (supervisor $pid): use npm run dev:reload, or npm run dev -- --stop"
	fi
	log "restarting the running dev n8n (supervisor $pid)"
	old_child="$(cat "$CHILD_PID_FILE" 2>/dev/null || true)"
	kill -HUP "$pid"
	# Wait for the old n8n to exit and a new one to be ready.
	while [[ -n "$old_child" ]] && kill -0 "$old_child" 2>/dev/null; do sleep 0.5; done
	while [[ "$(cat "$CHILD_PID_FILE" 2>/dev/null || true)" == "$old_child" ]]; do sleep 0.5; done
	wait_ready
	log "n8n is ready again at $URL with the rebuilt package"
	exit 0
fi
[[ "$mode" == reload ]] && mode=foreground

# The supervisor keeps one `n8n start` running; SIGHUP restarts it (dev:reload), SIGTERM/SIGINT stop it.
supervise() {
	local child=0 restart=0
	trap 'restart=1; kill -TERM $child 2>/dev/null || true' HUP
	trap 'restart=0; kill -TERM $child 2>/dev/null || true; wait $child 2>/dev/null; rm -f "$SUPERVISOR_PID_FILE" "$CHILD_PID_FILE"; exit 0' TERM INT
	echo "$BASHPID" >"$SUPERVISOR_PID_FILE"
	while true; do
		restart=0
		n8n start >>"$LOG_FILE" 2>&1 &
		child=$!
		echo "$child" >"$CHILD_PID_FILE"
		# `wait` returns early when a trapped signal arrives: keep waiting for the child itself.
		while kill -0 $child 2>/dev/null; do wait $child 2>/dev/null || true; done
		((restart == 1)) && continue
		log "n8n exited; see $LOG_FILE"
		rm -f "$SUPERVISOR_PID_FILE"
		exit 1
	done
}

mkdir -p "$N8N_USER_FOLDER"
: >"$LOG_FILE"
if [[ "$mode" == background ]]; then
	( supervise ) </dev/null >/dev/null 2>&1 &
	disown || true
	wait_ready
	log "n8n $N8N_VERSION is ready: open $URL (user folder $N8N_USER_FOLDER, log $LOG_FILE)"
	log "rebuild + restart: npm run dev:reload; stop: npm run dev -- --stop"
	exit 0
fi

supervise &
supervisor=$!
trap 'kill -TERM $supervisor 2>/dev/null || true; wait $supervisor 2>/dev/null; exit 0' INT TERM
wait_ready
log "n8n $N8N_VERSION is ready: open $URL (user folder $N8N_USER_FOLDER, log $LOG_FILE)"
log "after a change: npm run dev:reload (in another terminal); Ctrl-C stops n8n"
tail -n +1 -f "$LOG_FILE" --pid=$supervisor &
wait $supervisor
