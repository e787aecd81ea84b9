#!/bin/bash
# Runs once, when MySQL initialises its volume (after 01-bank1.sql, 02-bank1_pay.sql,
# 02-dtx_notify.sql and 02-dtx_relay.sql).
# One user per service, logging in over TLS only; what each may do, table by table, is granted
# by 04-service-grants.sql (sql/service-grants.sql, the same file the local sandbox applies).
#
# Passwords come from the environment (.env), never from the repository, and never appear on a
# command line. Any character is allowed in them (quotes, spaces, backslashes): each reaches SQL
# as a hex literal and is quoted by the server itself, so no password can end a string or change
# a statement. The build runs this very file against a real server (ServiceUsersScriptIntegrationTests).
set -euo pipefail

fail() {
  echo "03-service-users.sh: $*" >&2
  exit 1
}

for name in MYSQL_ROOT_PASSWORD PAY_DB_PASSWORD ACCOUNT_DB_PASSWORD NOTIFIER_DB_PASSWORD RELAY_DB_PASSWORD; do
  [[ -n "${!name:-}" ]] || fail "$name is not set (see .env.example)"
done
for name in PAY_DB_PASSWORD ACCOUNT_DB_PASSWORD NOTIFIER_DB_PASSWORD RELAY_DB_PASSWORD; do
  value=${!name}
  (( ${#value} >= 16 )) || fail "$name must be at least 16 characters"
done
unset value

# The bytes of a value as hex digits, for an SQL literal X'...' (bash alone: in the C locale a
# character is a byte, and printf's "'c" gives its code).
hex() {
  local LC_ALL=C value=$1 digits='' i
  for ((i = 0; i < ${#value}; i++)); do
    printf -v digits '%s%02x' "$digits" "'${value:i:1}"
  done
  printf '%s' "$digits"
}

# CREATE USER takes its password as a literal only, so the statement is built by the server:
# QUOTE() escapes whatever the password holds, PREPARE runs the result.
create_user() {
  local user=$1 password=$2
  cat <<SQL
SET @password = CONVERT(X'$(hex "$password")' USING utf8mb4);
SET @statement = CONCAT('CREATE USER IF NOT EXISTS ''${user}''@''%'' IDENTIFIED BY ', QUOTE(@password), ' REQUIRE SSL');
PREPARE create_user FROM @statement;
EXECUTE create_user;
DEALLOCATE PREPARE create_user;
SQL
}

# The root password reaches the client as an option file on a file descriptor, as the image's own
# entrypoint passes it, never as an argument. In an option file's quoted value a backslash starts an
# escape, so each is doubled. The server is the one on the default socket (the image's temporary one).
root_options() {
  local password=${MYSQL_ROOT_PASSWORD//\\/\\\\}
  printf '[client]\nuser=root\npassword="%s"\n' "$password"
}
{
  create_user dtx_pay "$PAY_DB_PASSWORD"
  create_user dtx_account "$ACCOUNT_DB_PASSWORD"
  create_user dtx_notifier "$NOTIFIER_DB_PASSWORD"
  create_user dtx_relay "$RELAY_DB_PASSWORD"
  echo "SET @password = NULL, @statement = NULL;"
} | mysql --defaults-extra-file=<(root_options) --batch --silent

echo "03-service-users.sh: users dtx_pay, dtx_account, dtx_notifier and dtx_relay exist"
