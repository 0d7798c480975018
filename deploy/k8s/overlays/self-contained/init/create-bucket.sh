#!/bin/sh
# Creates the private bucket the storage sink writes frames to (the sink would create it too,
# but only once it is up; the API presigns URLs into it before that). Safe to run again.
# Used by docker-compose.yml (minio-init) and the minio-bucket Job.
#   S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, BUCKET
set -eu
# mc keeps its aliases in a config folder; /tmp stays writable for a non-root user.
mc="mc --config-dir /tmp/mc"
until $mc alias set fv "$S3_ENDPOINT" "$S3_ACCESS_KEY" "$S3_SECRET_KEY" >/dev/null 2>&1; do
  echo "waiting for $S3_ENDPOINT"
  sleep 3
done
$mc mb --ignore-existing "fv/$BUCKET"
# Frames are only handed out through presigned URLs: no anonymous access.
$mc anonymous set none "fv/$BUCKET"
