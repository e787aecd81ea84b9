#!/bin/bash
# Starts the compose stack's broker with docker/rocketmq/broker.conf plus its super user, whose
# login comes from .env (RocketMQ reads no environment variables in its configuration, so the
# complete file is written here, readable by the broker's user only, never to the repository).
# The super user is created on the first start only; later starts keep the one in the store.
set -euo pipefail

fail() {
  echo "start-broker.sh: $*" >&2
  exit 1
}

for name in MQ_ADMIN_USER MQ_ADMIN_PASSWORD; do
  [[ -n "${!name:-}" ]] || fail "$name is not set (see .env.example)"
  # Written into JSON below: only characters that need no escaping there.
  [[ "${!name}" =~ ^[A-Za-z0-9+/=._-]+$ ]] || fail "$name may hold only A-Z a-z 0-9 + / = . _ -"
done
(( ${#MQ_ADMIN_PASSWORD} >= 16 )) || fail "MQ_ADMIN_PASSWORD must be at least 16 characters"

conf="$HOME/dtx-broker.conf"
umask 077
{
  cat "$(dirname "$0")/broker.conf"
  printf 'initAuthenticationUser={"username":"%s","password":"%s"}\n' "$MQ_ADMIN_USER" "$MQ_ADMIN_PASSWORD"
  # What the broker itself signs with when it calls another broker: the same super user.
  printf 'innerClientAuthenticationCredentials={"accessKey":"%s","secretKey":"%s"}\n' "$MQ_ADMIN_USER" "$MQ_ADMIN_PASSWORD"
} >"$conf"

# The image's mqbroker and runbroker.sh start java without exec, and a shell as PID 1 ignores
# SIGTERM: so this script stays PID 1 and passes compose's stop on to the whole group, letting the
# broker's shutdown hook flush its store and offsets instead of being killed 10 s later.
sh "$ROCKETMQ_HOME/bin/mqbroker" -n "${NAMESRV_ADDR:-namesrv:9876}" -c "$conf" &
broker=$!
trap 'trap "" TERM INT; kill -TERM 0; wait "$broker"' TERM INT
wait "$broker"
