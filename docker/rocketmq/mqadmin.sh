# Sourced by create-topics.sh and create-users.sh: RocketMQ's own admin tool, run straight from
# its jars with a small heap (the image's mqadmin script fixes 1 GB for each run), signing every
# request as the super user from .env through a tools.yml of its own, never a command line.
NAMESRV=${NAMESRV_ADDR:-namesrv:9876}
CLUSTER=${BROKER_CLUSTER:-DefaultCluster}
MQADMIN_CLASSPATH=${MQADMIN_CLASSPATH:-$ROCKETMQ_HOME/lib/*}

fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# require VARIABLE...: each must be set.
require() {
  local name
  for name; do
    [[ -n "${!name:-}" ]] || fail "$name is not set (see .env.example)"
  done
}

require ROCKETMQ_HOME MQ_ADMIN_USER MQ_ADMIN_PASSWORD
# A home of the tool's own for tools.yml, readable by this user only (the image's conf/tools.yml
# holds a sample user and keeps whatever mode it has).
ADMIN_HOME=$(mktemp -d)
trap 'rm -rf "$ADMIN_HOME"' EXIT
mkdir "$ADMIN_HOME/conf" "$ADMIN_HOME/classes" # javac 8 does not make its -d folder
(umask 077 && printf 'accessKey: "%s"\nsecretKey: "%s"\n' "$MQ_ADMIN_USER" "$MQ_ADMIN_PASSWORD" \
  >"$ADMIN_HOME/conf/tools.yml")

# mqadmin ARGS...: prints what the tool printed. The tool exits 0 even when a command failed,
# so callers check the outcome themselves, never the exit code alone.
mqadmin() {
  java -Xms16m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Drocketmq.home.dir="$ADMIN_HOME" -cp "$MQADMIN_CLASSPATH" \
    org.apache.rocketmq.tools.command.MQAdminStartup "$@" -n "$NAMESRV" 2>&1
}

# admin_compile NAME: compiles NAME.java, next to this file, against the image's jars.
admin_compile() {
  javac -nowarn -source 8 -target 8 -Xlint:-options -d "$ADMIN_HOME/classes" -cp "$MQADMIN_CLASSPATH" \
    "$(dirname "${BASH_SOURCE[0]}")/$1.java"
}

# admin_program NAME ARGS...: runs NAME (compiled first if it is not yet); like mqadmin it signs
# as the super user, read from the environment.
admin_program() {
  local program=$1
  shift
  [[ -f "$ADMIN_HOME/classes/$program.class" ]] || admin_compile "$program"
  java -Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$ADMIN_HOME/classes:$MQADMIN_CLASSPATH" \
    "$program" "$@"
}

# Waits until a master broker of the cluster has registered with the name server: a broker's
# port opens before it registers, and mqadmin commands aimed at the cluster silently do nothing.
wait_for_cluster() {
  local seconds=${BROKER_WAIT_SECONDS:-120}
  local deadline=$((SECONDS + seconds))
  echo "$(basename "$0"): waiting for a broker of $CLUSTER at $NAMESRV"
  until mqadmin clusterList | awk -v c="$CLUSTER" '$1 == c && $3 == "0" { found = 1 } END { exit !found }'; do
    ((SECONDS < deadline)) || fail "no broker of cluster $CLUSTER registered with $NAMESRV within ${seconds} s"
    sleep 2
  done
}
