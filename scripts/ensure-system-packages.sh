#!/usr/bin/env bash
# Installs the Debian packages the tests run for real: Chromium (e2e), PostgreSQL 15 (server mode),
# MariaDB (the Opsview runtime database source and the Icinga IDO), Icinga 2 with its IDO writer
# (the end-to-end test against a real monitoring core), Prometheus with promtool (the e2e test that
# scrapes /metrics and evaluates the shipped alert rules) and the Icinga Web 2 Business Process module
# with icingacli and GNU time (tests/icinga/business-process-import.int.test.ts imports a process file
# the module evaluates; `npm run bench:icinga` measures against it). --business-process is still
# accepted and changes nothing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v mariadb >/dev/null || [ -x /usr/bin/mariadb ] || missing+=(mariadb-client)
[ -x /usr/sbin/icinga2 ] || missing+=(icinga2)
[ -f /usr/share/icinga2-ido-mysql/schema/mysql.sql ] || missing+=(icinga2-ido-mysql)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
for package in icingacli icingaweb2 icingaweb2-module-monitoring icingaweb2-module-businessprocess php-cli php-mysql php-intl php-curl php-xml php-gd time; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
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
# Another apt or dpkg run (an unattended upgrade, a parallel install) may hold the package locks:
# wait for it instead of failing. DPkg::Lock::Timeout covers the dpkg lock; `apt-get update` also
# takes the lists lock, which that option does not wait for on every apt version, so retry it.
APT_LOCK_WAIT=(-o DPkg::Lock::Timeout=600)
LISTS_LOCK=/var/lib/apt/lists/lock
UPDATE_ATTEMPTS=10
UPDATE_PAUSE_SECONDS=30

lists_lock_held() {
  if command -v fuser >/dev/null; then
    fuser "$LISTS_LOCK" >/dev/null 2>&1
  else
    true # Without fuser we cannot tell, so treat every failure as a busy lock.
  fi
}

for attempt in $(seq 1 "$UPDATE_ATTEMPTS"); do
  apt-get update -qq "${APT_LOCK_WAIT[@]}" && break
  if [ "$attempt" -eq "$UPDATE_ATTEMPTS" ] || ! lists_lock_held; then
    echo "apt-get update failed (attempt $attempt of $UPDATE_ATTEMPTS)" >&2
    exit 1
  fi
  echo "apt-get update: another apt run holds $LISTS_LOCK; retrying in ${UPDATE_PAUSE_SECONDS} s (attempt $attempt of $UPDATE_ATTEMPTS)" >&2
  sleep "$UPDATE_PAUSE_SECONDS"
done
apt-get install -y -qq --no-install-recommends "${APT_LOCK_WAIT[@]}" "${missing[@]}" >/dev/null
