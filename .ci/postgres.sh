#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the persistence tests (sourced by
# .ci/run; also usable by hand: `source .ci/postgres.sh`). Prints PG_TEST_URL.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_TEST_DIR=$(mktemp -d)
chown postgres "$PG_TEST_DIR"
PG_TEST_PORT=${PG_TEST_PORT:-55432}
runuser -u postgres -- "$PGBIN/initdb" -D "$PG_TEST_DIR/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
  -o "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1" start >/dev/null
export PG_TEST_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_TEST_PORT/postgres"
export PG_TEST_STOP="runuser -u postgres -- $PGBIN/pg_ctl -D $PG_TEST_DIR/data -m fast stop"
echo "PostgreSQL test server: $PG_TEST_URL"
