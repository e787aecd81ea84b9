#!/bin/sh
# One-shot init step of the compose stack: creates what dtx publishes to and consumes from.
# Names must match io.dtx.contract.Messaging (a test in the build checks this file for them).
set -eu
cd /home/rocketmq/rocketmq-*/bin
NS=namesrv:9876
./mqadmin updateTopic -n "$NS" -c DefaultCluster -t dtx-recharge -r 4 -w 4
./mqadmin updateSubGroup -n "$NS" -c DefaultCluster -g dtx-account-consumer
./mqadmin updateTopic -n "$NS" -c DefaultCluster -t %RETRY%dtx-account-consumer -r 1 -w 1
./mqadmin updateTopic -n "$NS" -c DefaultCluster -t %DLQ%dtx-account-consumer -r 1 -w 1 -p 6
./mqadmin updateTopic -n "$NS" -c DefaultCluster -t dtx-recharge-request -r 4 -w 4
./mqadmin updateSubGroup -n "$NS" -c DefaultCluster -g dtx-pay-request-consumer
./mqadmin updateTopic -n "$NS" -c DefaultCluster -t %RETRY%dtx-pay-request-consumer -r 1 -w 1
./mqadmin updateTopic -n "$NS" -c DefaultCluster -t %DLQ%dtx-pay-request-consumer -r 1 -w 1 -p 6
echo "topics created"
