#!/bin/bash
# Writes .env for docker compose from .env.example, with a fresh random value for every secret
# that the example leaves empty (the example holds no credential at all), then:
#   docker compose up --build
# Refuses to overwrite an existing .env: the first start stores several of its secrets in the
# volumes (the Nacos administrator, the broker's super user, the database users), so a new .env
# also needs new volumes:  docker compose down -v && rm .env && docker/new-env.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-.env}

if [[ -e "$target" ]]; then
  echo "new-env.sh: $target exists already; to start over: docker compose down -v && rm $target" >&2
  exit 1
fi

# N random bytes as URL-safe base64 without padding: letters, digits, - and _ only, which every
# script and file format in the stack takes as is.
random() {
  head -c "$1" /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

secret_for() {
  case "$1" in
    # Nacos decodes its token key as standard base64, and wants 32 bytes at least.
    NACOS_AUTH_TOKEN) head -c 32 /dev/urandom | base64 | tr -d '\n' ;;
    # id:secret, as io.dtx.contract.MessageSigning reads it; the id matches DTX_MESSAGE_KEY_ID.
    DTX_MESSAGE_KEYS) printf 'k1:%s' "$(random 32)" ;;
    DTX_REQUEST_KEYS) printf 'r1:%s' "$(random 32)" ;;
    # Standard Webhooks secrets are whsec_ and standard base64.
    DTX_CALLBACK_SECRETS) printf 'whsec_%s' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" ;;
    *) random 24 ;;
  esac
}

umask 077
generated=()
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" =~ ^([A-Z0-9_]+)=$ ]]; then
    name=${BASH_REMATCH[1]}
    printf '%s=%s\n' "$name" "$(secret_for "$name")"
    generated+=("$name")
  else
    printf '%s\n' "$line"
  fi
done <.env.example >"$target"
echo "new-env.sh: wrote $target with new secrets: ${generated[*]}"
