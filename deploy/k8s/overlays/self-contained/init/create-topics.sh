#!/bin/sh
# Creates the featureviz topics before any service starts, so that fv.jobs gets its partitions
# (the number of workers that can share the jobs) instead of whatever auto-creation picks, and
# sets the topic-level settings of those that must not grow without bound (retention of
# fv.frames and fv.jobs.dlq, contracts' Topics.config). Safe to run again: the settings are
# applied to topics that exist already too. Used by docker-compose.yml (kafka-init) and the
# kafka-topics Job.
#   BOOTSTRAP_SERVER  e.g. kafka:9092
#   TOPICS            space-separated, each name[:key=value,key=value...]
#   PARTITIONS        partitions of each topic
set -eu
bin=/opt/kafka/bin
until "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP_SERVER" >/dev/null 2>&1; do
  echo "waiting for $BOOTSTRAP_SERVER"
  sleep 3
done
for spec in $TOPICS; do
  topic=${spec%%:*}
  # Replication factor 1: this install has a single broker.
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVER" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
  if [ "$spec" != "$topic" ]; then
    "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP_SERVER" --alter \
      --entity-type topics --entity-name "$topic" --add-config "${spec#*:}"
  fi
done
