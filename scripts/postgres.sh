#!/usr/bin/env bash
# Make a local PostgreSQL answer on 127.0.0.1 for the service tests and print its admin URL.
# Uses Debian's cluster tools (postgresql-common); exits 1 with a message when PostgreSQL is not
# installed. Idempotent: a running cluster and an existing role are left as they are.
set -euo pipefail
# Only the URL goes to stdout (callers capture it): the cluster tools' chatter (e.g. "Removed stale
# pid file.") is sent to stderr. A file-descriptor swap would leak into the server daemon and keep
# the caller's $(...) waiting, so each command is redirected on its own.
if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [[ -z "${version:-}" ]]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    pg_createcluster "$version" main >&2
    read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
fi
if [[ "$status" != online* ]]; then
    pg_ctlcluster "$version" "$cluster" start >&2
fi
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baliza') THEN
     CREATE ROLE baliza LOGIN CREATEDB PASSWORD 'baliza'; END IF; END \$\$;" >/dev/null
# Tests drop their databases WITH (FORCE); without pg_signal_backend that fails when an autovacuum
# worker has just connected to the database being dropped.
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -c "GRANT pg_signal_backend TO baliza;" >/dev/null 2>&1
echo "postgresql+psycopg://baliza:baliza@127.0.0.1:${port}/postgres"
