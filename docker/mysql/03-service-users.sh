#!/bin/bash
# Runs once, when MySQL initialises its volume (after 01-bank1.sql and 02-bank1_pay.sql).
# One user per service, logging in over TLS only; what each may do, table by table, is granted
# by 04-service-grants.sql (sql/service-grants.sql, the same file the local sandbox applies).
# Passwords come from the environment (.env), never from the repository, and never appear on a
# command line: the root password reaches the client through a file descriptor.
set -euo pipefail

for name in PAY_DB_PASSWORD ACCOUNT_DB_PASSWORD; do
  # They are written into SQL below: only characters that cannot end a quoted string.
  if [[ ! "${!name}" =~ ^[A-Za-z0-9+/=_.:-]{16,}$ ]]; then
    echo "03-service-users.sh: $name must be at least 16 characters of A-Z a-z 0-9 + / = _ . : -" >&2
    exit 1
  fi
done

mysql --defaults-extra-file=<(printf '[client]\nuser=root\npassword="%s"\n' "$MYSQL_ROOT_PASSWORD") <<SQL
CREATE USER IF NOT EXISTS 'dtx_pay'@'%' IDENTIFIED BY '${PAY_DB_PASSWORD}' REQUIRE SSL;
CREATE USER IF NOT EXISTS 'dtx_account'@'%' IDENTIFIED BY '${ACCOUNT_DB_PASSWORD}' REQUIRE SSL;
SQL
