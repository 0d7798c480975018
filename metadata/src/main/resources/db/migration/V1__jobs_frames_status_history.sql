-- Metadata of render jobs and their stored frames. Written by storage-sink (frames, events,
-- requests seen on fv.jobs) and job-api (requests it accepts); read by job-api.
--
-- Rows may be created by whichever message arrives first: topics are consumed independently, so
-- a frame or a status event can be seen before the job's request. Request columns are therefore
-- nullable and filled by the request upsert, which never touches status or progress.

-- Order of statuses for monotonic updates: a late RUNNING never replaces a terminal status.
CREATE FUNCTION fv_status_rank(status text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE status WHEN 'QUEUED' THEN 0 WHEN 'RUNNING' THEN 1 ELSE 2 END $$;

CREATE TABLE jobs (
  id                   text PRIMARY KEY,
  tenant               text,
  model                text,
  objective            text,             -- canonical grammar text when it parses
  layer                text,             -- first layer the objective references
  channel              integer,          -- set when the objective is one channel or neuron
  size                 integer,
  steps                integer,
  batch                integer,
  seed                 bigint,
  lr                   double precision,
  param                text,
  decorrelate          boolean,
  transforms           text,
  thresholds           integer[],
  status               text NOT NULL DEFAULT 'QUEUED'
                       CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  progress_step        integer NOT NULL DEFAULT 0,
  last_objective_value double precision,
  objective_values     jsonb NOT NULL DEFAULT '{}'::jsonb, -- threshold step -> mean over batch
  reason               text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Listing is newest first with keyset pagination on (created_at, id); each filter gets an
-- index that ends in the same order so a page is an index range scan.
CREATE INDEX jobs_newest ON jobs (created_at DESC, id DESC);
CREATE INDEX jobs_by_unit ON jobs (model, layer, channel, created_at DESC, id DESC);
CREATE INDEX jobs_by_status ON jobs (status, created_at DESC, id DESC);
CREATE INDEX jobs_by_objective ON jobs (objective, created_at DESC, id DESC);

CREATE TABLE frames (
  job_id          text NOT NULL,
  step            integer NOT NULL,
  batch_index     integer NOT NULL,
  is_final        boolean NOT NULL,
  objective_value double precision,
  object_key      text NOT NULL,
  width           integer NOT NULL,
  height          integer NOT NULL,
  bytes           bigint NOT NULL,
  sha256          text NOT NULL,
  stored_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, step, batch_index)
);

-- One row per status a job reached; the key makes redelivered events no-ops.
CREATE TABLE job_status_history (
  job_id      text NOT NULL,
  status      text NOT NULL,
  reason      text,
  worker      text,
  event_at    timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, status)
);
