#!/bin/bash
# One-shot init step of the compose stack (service `discovery-users`), run in the Nacos image
# itself (it has bash and curl). Nacos 3 starts without any user:
#   1. the administrator `nacos` gets NACOS_ADMIN_PASSWORD on the very first start (later runs
#      only check that the password still logs in: Nacos never overwrites it);
#   2. the services get a user of their own, NACOS_USERNAME / NACOS_PASSWORD, whose one role may
#      only register and discover services in the public namespace (resource public:*:naming/*).
# Every step looks before it writes, so the step runs again on every `docker compose up`.
# No secret on a command line: curl reads passwords and the token from file descriptors.
set -euo pipefail

CONSOLE=${NACOS_CONSOLE_URL:-http://discovery-server:8080}
ROLE=${NACOS_SERVICE_ROLE:-dtx-services}
RESOURCE='public:*:naming/*'

fail() {
  echo "create-users.sh: $*" >&2
  exit 1
}

for name in NACOS_ADMIN_PASSWORD NACOS_USERNAME NACOS_PASSWORD; do
  [[ -n "${!name:-}" ]] || fail "$name is not set (see .env.example)"
done
[[ "$NACOS_USERNAME" != nacos ]] || fail "NACOS_USERNAME must not be the administrator 'nacos'"

# The console answers admin calls with HTTP 200 and a JSON "code"; failures with 4xx/5xx.
json_field() {
  sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"
}

# login USER PASSWORD -> prints an access token, fails on a wrong password.
login() {
  curl -sS --fail -X POST "$CONSOLE/v3/auth/user/login" \
    --data-urlencode "username=$1" --data-urlencode "password@"<(printf '%s' "$2") | json_field accessToken
}

# admin METHOD PATH [curl args]: a call with the administrator's token in a header file.
admin() {
  local method=$1 path=$2
  shift 2
  curl -sS --fail-with-body -X "$method" "$CONSOLE$path" -H @<(printf 'accessToken: %s\n' "$TOKEN") "$@"
}

echo "create-users.sh: waiting for the Nacos console at $CONSOLE"
for _ in $(seq 1 90); do
  curl -fsS -o /dev/null "$CONSOLE/v3/console/health/readiness" && break
  sleep 2
done
curl -fsS -o /dev/null "$CONSOLE/v3/console/health/readiness" || fail "Nacos is not ready at $CONSOLE"

# The reply echoes the password: it is read, never printed.
code=$(curl -sS --fail -X POST "$CONSOLE/v3/auth/user/admin" \
  --data-urlencode "password@"<(printf '%s' "$NACOS_ADMIN_PASSWORD") | json_field code)
case "$code" in
  0) echo "create-users.sh: administrator nacos initialised" ;;
  409) echo "create-users.sh: administrator nacos exists already" ;;
  *) fail "initialising the administrator answered code '$code'" ;;
esac

TOKEN=$(login nacos "$NACOS_ADMIN_PASSWORD") && [[ -n "$TOKEN" ]] \
  || fail "cannot log in as nacos with NACOS_ADMIN_PASSWORD; it must be the password of the first start (volume nacos-data)"

users=$(admin GET /v3/auth/user/list -G --data-urlencode "username=$NACOS_USERNAME" \
  -d pageNo=1 -d pageSize=10 -d search=accurate | json_field totalCount)
[[ "$users" =~ ^[0-9]+$ ]] || fail "could not read the user list of Nacos"
if [[ "$users" == 0 ]]; then
  admin POST /v3/auth/user --data-urlencode "username=$NACOS_USERNAME" \
    --data-urlencode "password@"<(printf '%s' "$NACOS_PASSWORD") >/dev/null
  echo "create-users.sh: user $NACOS_USERNAME created"
fi

roles=$(admin GET /v3/auth/role/list -G --data-urlencode "username=$NACOS_USERNAME" \
  --data-urlencode "role=$ROLE" -d pageNo=1 -d pageSize=10 | json_field totalCount)
[[ "$roles" =~ ^[0-9]+$ ]] || fail "could not read the role list of Nacos"
if [[ "$roles" == 0 ]]; then
  admin POST /v3/auth/role --data-urlencode "role=$ROLE" --data-urlencode "username=$NACOS_USERNAME" >/dev/null
fi

granted() {
  admin GET /v3/auth/permission -G --data-urlencode "role=$ROLE" \
    --data-urlencode "resource=$RESOURCE" -d action=rw | json_field data
}
grant() {
  admin POST /v3/auth/permission --data-urlencode "role=$ROLE" --data-urlencode "resource=$RESOURCE" \
    -d action=rw >/dev/null
}
if [[ "$(granted)" != true ]]; then
  # A role just bound can take a moment to be known to the permission check: one retry.
  grant || { sleep 3 && grant; }
fi
[[ "$(granted)" == true ]] || fail "the permission $RESOURCE (rw) of role $ROLE is not there after granting it"

login "$NACOS_USERNAME" "$NACOS_PASSWORD" >/dev/null \
  || fail "user $NACOS_USERNAME exists with another password than NACOS_PASSWORD; change it in the Nacos console or in .env"
echo "create-users.sh: $NACOS_USERNAME may register and discover ($RESOURCE, rw) as role $ROLE"
