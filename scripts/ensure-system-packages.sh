#!/usr/bin/env bash
# Installs the Debian packages the tests run for real: Chromium (e2e), PostgreSQL 15 (server mode),
# MariaDB (the Opsview runtime database source and the Icinga IDO) and Icinga 2 with its IDO writer
# (the end-to-end test against a real monitoring core).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v mariadb >/dev/null || [ -x /usr/bin/mariadb ] || missing+=(mariadb-client)
[ -x /usr/sbin/icinga2 ] || missing+=(icinga2)
[ -f /usr/share/icinga2-ido-mysql/schema/mysql.sql ] || missing+=(icinga2-ido-mysql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian…"
export DEBIAN_FRONTEND=noninteractive
# The IDO package would otherwise ask (dbconfig) to create and enable a database of its own;
# the tests start their own MariaDB and Icinga 2 instead.
if command -v debconf-set-selections >/dev/null; then
  printf '%s\n' \
    "icinga2-ido-mysql icinga2-ido-mysql/dbconfig-install boolean false" \
    "icinga2-ido-mysql icinga2-ido-mysql/enable boolean false" | debconf-set-selections
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
