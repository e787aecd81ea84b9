#!/bin/bash
# One-shot init step of the compose stack (service `broker-init`, after create-topics.sh): the
# broker users of the three services and exactly what each may do (the broker runs ACL 2.0):
#   pay:      send recharges; send and consume the queue-first requests with its consumer group;
#   account:  consume recharges with its consumer group, and nothing else;
#   notifier: the same as account, with its own group;
#   relay:    the binlog relay, publishing for the pay service: send recharges, nothing else.
# A topic's Get is for the consumer's first offset lookup; a group's Sub covers its retries and
# offsets. Secrets stay in the environment.
set -euo pipefail
source "$(dirname "$0")/mqadmin.sh"

require PAY_MQ_USER PAY_MQ_SECRET ACCOUNT_MQ_USER ACCOUNT_MQ_SECRET NOTIFIER_MQ_USER NOTIFIER_MQ_SECRET \
  RELAY_MQ_USER RELAY_MQ_SECRET
for name in PAY_MQ_SECRET ACCOUNT_MQ_SECRET NOTIFIER_MQ_SECRET RELAY_MQ_SECRET; do
  value=${!name}
  ((${#value} >= 16)) || fail "$name must be at least 16 characters"
done
unset value

wait_for_cluster
admin_compile BrokerUsers

# All four at once: each JVM spends most of its time starting and stopping its client.
pids=()
users() {
  admin_program BrokerUsers "$@" &
  pids+=($!)
}

users PAY_MQ_USER PAY_MQ_SECRET \
  Topic:dtx-recharge=Pub \
  Topic:dtx-recharge-request=Pub,Sub,Get \
  Group:dtx-pay-request-consumer=Sub
users ACCOUNT_MQ_USER ACCOUNT_MQ_SECRET \
  Topic:dtx-recharge=Sub,Get \
  Group:dtx-account-consumer=Sub
users NOTIFIER_MQ_USER NOTIFIER_MQ_SECRET \
  Topic:dtx-recharge=Sub,Get \
  Group:dtx-notifier-consumer=Sub
users RELAY_MQ_USER RELAY_MQ_SECRET \
  Topic:dtx-recharge=Pub
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
((failed == 0)) || fail "a broker user was not saved with its grants (see the output above)"
echo "create-users.sh: broker users $PAY_MQ_USER, $ACCOUNT_MQ_USER, $NOTIFIER_MQ_USER and $RELAY_MQ_USER exist with their grants"
