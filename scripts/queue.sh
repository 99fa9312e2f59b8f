#!/usr/bin/env bash
# npm run test:queue: the package in n8n's queue mode on one machine. Starts Redis and PostgreSQL
# on loopback in a temporary folder (installing Debian's redis-server and postgresql when they
# are missing and we are root), then runs test/e2e/queue/: a main process, a webhook process and
# two workers, each with its own user folder holding the packed package (as on separate machines).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
PG_PORT="${E2E_PG_PORT:-55432}"
REDIS_PORT="${E2E_REDIS_PORT:-56379}"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if ! command -v redis-server >/dev/null || [[ -z "$(pg_bin)" ]]; then
	[[ $EUID -eq 0 ]] || die "redis-server and postgresql are needed: sudo apt-get install -y redis-server postgresql"
	log "installing redis-server and postgresql from Debian"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql >/dev/null
fi
PG_BIN="$(pg_bin)"

work="$(mktemp -d "${TMPDIR:-/tmp}/tovie-queue.XXXXXX")"
chmod 755 "$work"
as_pg=()
if [[ $EUID -eq 0 ]]; then as_pg=(runuser -u postgres --); fi # PostgreSQL refuses to run as root
redis_pid=""
cleanup() {
	[[ -n "$redis_pid" ]] && kill "$redis_pid" 2>/dev/null || true
	[[ -f "$work/pg/postmaster.pid" ]] && "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

log "starting Redis on 127.0.0.1:$REDIS_PORT"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$work" --logfile "$work/redis.log" &
redis_pid=$!

log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$work/pg" "$work/pgsock"
[[ $EUID -eq 0 ]] && chown postgres "$work/pg" "$work/pgsock"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$work/pg" -U n8n --auth=trust >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
	-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $work/pgsock -c fsync=off" start >/dev/null
"${as_pg[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U n8n n8n

ensure_node_modules
ensure_n8n
mkdir -p "$work/template"
install_package "$work/template"
export E2E_N8N_HOME="$N8N_HOME" E2E_TEMPLATE_USER_FOLDER="$work/template" E2E_QUEUE=1
export E2E_PG_PORT="$PG_PORT" E2E_REDIS_PORT="$REDIS_PORT"
log "Redis, PostgreSQL and the package ready in $((SECONDS - started)) s; running the queue-mode suite"
cd "$REPO_DIR"
set +e
npx jest -c test/e2e/jest.config.js --runInBand test/e2e/queue "$@"
status=$?
set -e
log "queue-mode run finished in $((SECONDS - started)) s (exit $status)"
exit $status
