-- Models users uploaded through job-api (POST /v1/models). The files the engine loads are in the
-- bucket under object_prefix; workers fetch them from there by id. Written and read by job-api.
CREATE TABLE models (
  id            text PRIMARY KEY,
  tenant        text NOT NULL,
  format        text NOT NULL CHECK (format IN ('tflite', 'savedmodel', 'graphdef', 'tfjs')),
  input_size    integer NOT NULL,
  layer_count   integer NOT NULL,
  classes       integer NOT NULL,           -- number of class labels, 0 without labels
  object_prefix text NOT NULL,              -- models/<id>/
  sha256        text NOT NULL,              -- of the uploaded file
  bytes         bigint NOT NULL,            -- size of the uploaded file
  created_at    timestamptz NOT NULL DEFAULT now()
);
