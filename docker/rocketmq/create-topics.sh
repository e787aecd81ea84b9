#!/bin/bash
# One-shot init step of the compose stack (service `broker-init`): creates what dtx publishes to
# and consumes from, then checks that every topic and group really exists, and fails otherwise
# (the broker runs with autoCreateTopicEnable=false). All in one JVM (BrokerTopics.java): mqadmin
# would need one per topic. Names must match io.dtx.contract.Messaging (ComposeFileTests checks
# this file for them); the build runs this very script against a broker
# (BrokerInitScriptsIntegrationTests).
set -euo pipefail
source "$(dirname "$0")/mqadmin.sh"

# Topic:NAME=QUEUES (read and write queues), Group:NAME. A consumer group's retry and dead-letter
# topics are made here too: the broker would make them on first use, but it may not (see above).
admin_program BrokerTopics \
  Topic:dtx-recharge=4 \
  Group:dtx-account-consumer Topic:%RETRY%dtx-account-consumer=1 Topic:%DLQ%dtx-account-consumer=1 \
  Topic:dtx-recharge-request=4 \
  Group:dtx-pay-request-consumer Topic:%RETRY%dtx-pay-request-consumer=1 Topic:%DLQ%dtx-pay-request-consumer=1 \
  Group:dtx-notifier-consumer Topic:%RETRY%dtx-notifier-consumer=1 Topic:%DLQ%dtx-notifier-consumer=1
echo "create-topics.sh: topics and groups exist"
