# A throwaway PostgreSQL cluster for the tests: a temp folder, loopback, a random port.
# pg_start exports LIANDONG_TEST_POSTGRES_URL; pg_stop removes everything.

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
PG_DIR=""
PG_RUN=()

pg_start() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL server binaries not found (package postgresql)"
  PG_DIR="$(mktemp -d /tmp/liandong-pg.XXXXXX)"
  local port
  port="$(free_port)"
  # PostgreSQL refuses to run as root: run it as the postgres user the package creates.
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_DIR"
    PG_RUN=(runuser -u postgres --)
  fi
  "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U liandong --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability is not what these tests are about: skip fsync for speed.
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
  export LIANDONG_TEST_POSTGRES_URL="postgresql://liandong@127.0.0.1:$port/postgres"
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port"
}

pg_create_database() {  # pg_create_database NAME: an empty database; prints its URL
  local port="${LIANDONG_TEST_POSTGRES_URL##*:}"
  port="${port%%/*}"
  "${PG_RUN[@]}" "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U liandong -d postgres -c "CREATE DATABASE $1" >/dev/null
  echo "${LIANDONG_TEST_POSTGRES_URL%/*}/$1"
}

pg_stop() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
