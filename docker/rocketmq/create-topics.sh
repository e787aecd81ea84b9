#!/bin/bash
# One-shot init step of the compose stack (service `broker-init`): creates what dtx publishes to
# and consumes from, then checks that every topic and group really exists, and fails otherwise
# (the broker runs with autoCreateTopicEnable=false, and mqadmin exits 0 whatever happened).
# Names must match io.dtx.contract.Messaging (ComposeFileTests checks this file for them); the
# build runs this very script against a broker (BrokerInitScriptsIntegrationTests).
set -euo pipefail
source "$(dirname "$0")/mqadmin.sh"

# topic NAME QUEUES [PERM]
topic() {
  mqadmin updateTopic -c "$CLUSTER" -t "$1" -r "$2" -w "$2" ${3:+-p "$3"}
}

group() {
  mqadmin updateSubGroup -c "$CLUSTER" -g "$1"
}

wait_for_cluster

# Four at a time: each mqadmin run spends seconds shutting its client down rather than working,
# and four small JVMs fit the step's memory limit.
topic dtx-recharge 4 &
group dtx-account-consumer &
topic %RETRY%dtx-account-consumer 1 &
topic %DLQ%dtx-account-consumer 1 6 &
wait
topic dtx-recharge-request 4 &
group dtx-pay-request-consumer &
topic %RETRY%dtx-pay-request-consumer 1 &
topic %DLQ%dtx-pay-request-consumer 1 6 &
wait
group dtx-notifier-consumer &
topic %RETRY%dtx-notifier-consumer 1 &
topic %DLQ%dtx-notifier-consumer 1 6 &
wait

# Checked from the name server (topics) and the broker's own configuration (groups).
topics=$(mqadmin topicList)
for name in dtx-recharge %RETRY%dtx-account-consumer %DLQ%dtx-account-consumer \
  dtx-recharge-request %RETRY%dtx-pay-request-consumer %DLQ%dtx-pay-request-consumer \
  %RETRY%dtx-notifier-consumer %DLQ%dtx-notifier-consumer; do
  grep -qxF "$name" <<<"$topics" || fail "topic $name does not exist after creating it (see the output above)"
done
for name in dtx-account-consumer dtx-pay-request-consumer dtx-notifier-consumer; do
  mqadmin getConsumerConfig -g "$name" | awk -v g="$name" '$1 == "groupName" && $3 == g { found = 1 } END { exit !found }' \
    || fail "consumer group $name does not exist after creating it (see the output above)"
done
echo "create-topics.sh: topics and groups exist"
