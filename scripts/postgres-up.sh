#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a database `test` that the
# current user can reach without a password (the setup of these development machines).
set -euo pipefail
ready() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
ready && exit 0
if ! command -v pg_ctlcluster >/dev/null; then
  [ "$(id -u)" = 0 ] || exit 1
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do ready && break; sleep 0.5; done
ready || exit 1
# A fresh install uses peer/scram auth and has no `test` database: mirror these machines.
if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  hba=/etc/postgresql/$version/main/pg_hba.conf
  grep -q "kcdesk-test" "$hba" || sed -i '1i host all all 127.0.0.1/32 trust # kcdesk-test\nlocal all all trust # kcdesk-test' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  su postgres -c "psql -tc \"SELECT 1 FROM pg_database WHERE datname='test'\" | grep -q 1 || createdb test" || true
fi
