#!/bin/sh
# Creates the featureviz topics before any service starts, so that fv.jobs gets its partitions
# (the number of workers that can share the jobs) instead of whatever auto-creation picks, and
# sets the topic-level settings of contracts' Topics.config: retention of those that must not
# grow without bound (fv.frames, fv.jobs.dlq, fv.cancellations), compaction of the model
# catalog (fv.models).
# Safe to run again: the settings are applied to topics that exist already too (their
# partitions are not changed). Used by docker-compose.yml (kafka-init) and the kafka-topics Job.
#   BOOTSTRAP_SERVER  e.g. kafka:9092
#   TOPICS            space-separated, each name[@partitions][:key=value,key=value...]
#   PARTITIONS        partitions of a topic that names none
set -eu
bin=/opt/kafka/bin
until "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP_SERVER" >/dev/null 2>&1; do
  echo "waiting for $BOOTSTRAP_SERVER"
  sleep 3
done
for spec in $TOPICS; do
  name=${spec%%:*}
  topic=${name%%@*}
  partitions=$PARTITIONS
  if [ "$name" != "$topic" ]; then
    partitions=${name#*@}
  fi
  # Replication factor 1: this install has a single broker.
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVER" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1
  if [ "$spec" != "$name" ]; then
    "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP_SERVER" --alter \
      --entity-type topics --entity-name "$topic" --add-config "${spec#*:}"
  fi
done
