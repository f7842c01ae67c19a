#!/usr/bin/env bash
# with-postgres.sh CMD [ARGS...]: runs CMD with a throwaway PostgreSQL 15 cluster on 127.0.0.1
# (free port, temporary directory, no system service), then stops and deletes the cluster even
# when CMD fails. CMD sees:
#   SANPI_TEST_PG        connection URL of the cluster's `postgres` database
#   SANPI_TEST_PGDATA    the data directory, SANPI_TEST_PG_BIN the server binaries,
#   SANPI_TEST_PG_USER   the OS user that owns the cluster (tests restart it with pg_ctl)
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x "$PG_BIN/initdb" ]] || { echo "with-postgres: $PG_BIN/initdb not found (install postgresql-15)" >&2; exit 1; }

# initdb refuses to run as root; the Debian package's `postgres` user owns the cluster then.
as_owner() { "$@"; }
OWNER=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
fi

PGDATA=$(mktemp -d /tmp/sanpi-pg.XXXXXX)
chown "$OWNER" "$PGDATA"
# A port nobody answers on (bash's /dev/tcp, so no extra tool is needed on a fresh machine).
for _ in $(seq 1 50); do
  PORT=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
done

cleanup() {
  as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT

as_owner "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start >/dev/null
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$PORT ($PGDATA)"

export SANPI_TEST_PG="postgresql://postgres@127.0.0.1:$PORT/postgres"
export SANPI_TEST_PGDATA="$PGDATA" SANPI_TEST_PG_BIN="$PG_BIN" SANPI_TEST_PG_USER="$OWNER"
set +e
"$@"
status=$?
set -e
exit $status
