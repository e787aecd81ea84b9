#!/bin/bash
# Starts the RocketMQ dashboard behind its login. The dashboard reads its users from
# users.properties in its data directory and, without that file, silently falls back to built-in
# users (admin/admin among them): so the file is always written here, from .env, before start.
set -euo pipefail

fail() {
  echo "start-dashboard.sh: $*" >&2
  exit 1
}

for name in DASHBOARD_USER DASHBOARD_PASSWORD ROCKETMQ_CONFIG_SECRETKEY; do
  [[ -n "${!name:-}" ]] || fail "$name is not set (see .env.example)"
done
# A properties line "user=password,1": no character that the format would read otherwise.
[[ "$DASHBOARD_USER" =~ ^[A-Za-z0-9._-]+$ ]] || fail "DASHBOARD_USER may hold only A-Z a-z 0-9 . _ -"
[[ "$DASHBOARD_PASSWORD" =~ ^[A-Za-z0-9+/=._-]{16,}$ ]] \
  || fail "DASHBOARD_PASSWORD must be at least 16 of A-Z a-z 0-9 + / = . _ -"

data=${ROCKETMQ_CONFIG_DATAPATH:-/tmp/rocketmq-console/data}
mkdir -p "$data"
(umask 077 && printf '%s=%s,1\n' "$DASHBOARD_USER" "$DASHBOARD_PASSWORD" >"$data/users.properties")

# JAVA_OPTS holds JVM options only (heap); every setting comes from the environment.
# shellcheck disable=SC2086
exec java $JAVA_OPTS -jar /rocketmq-dashboard.jar
