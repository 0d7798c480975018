-- Sweeps (issue #11): every channel of some layers of a model rendered with one set of settings,
-- fanned out as ordinary render jobs ("shards", several channels each, one per batch element).
-- Written and read by job-api only; a sweep's progress is read from the frames the sink stores,
-- so nothing else keeps its state.

CREATE TABLE sweeps (
  id           text PRIMARY KEY,
  tenant       text NOT NULL,
  model        text NOT NULL,
  layers       text[] NOT NULL,      -- the layers swept, in the model's order
  all_layers   boolean NOT NULL,     -- asked as "all" rather than by name
  channels     text,                 -- the ranges as asked ("0-63,100"); NULL: every channel
  settings     jsonb NOT NULL,       -- size, steps, thresholds, seed, lr, param, decorrelate, transforms
  examples     jsonb,                -- {dataset, top_k} when dataset examples were asked for
  cancelled_at timestamptz,          -- set by DELETE; the shards still running were cancelled
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The listing is the tenant's, newest first, keyset-paged on (created_at, id); by model too.
CREATE INDEX sweeps_newest ON sweeps (tenant, created_at DESC, id DESC);
CREATE INDEX sweeps_by_model ON sweeps (tenant, model, created_at DESC, id DESC);

-- The jobs a sweep published: render shards and dataset-examples searches. The request is kept
-- as published (Messages JSON) so that shards not yet acknowledged by Kafka when the API stopped
-- are published again at its start (an outbox); publishing one twice is harmless.
CREATE TABLE sweep_shards (
  job_id    text PRIMARY KEY,
  sweep_id  text NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  kind      text NOT NULL CHECK (kind IN ('render', 'dataset_examples')),
  request   jsonb NOT NULL,
  published boolean NOT NULL DEFAULT false
);
CREATE INDEX sweep_shards_of_sweep ON sweep_shards (sweep_id);
CREATE INDEX sweep_shards_unpublished ON sweep_shards (sweep_id) WHERE NOT published;

-- Each channel of a sweep and where its image is: the final frame of batch element batch_index
-- of job job_id, a shard of this sweep or, when reused, an earlier job of the tenant with the
-- same model, channel and settings. examples_job_id: the channel's dataset search, if any.
CREATE TABLE sweep_channels (
  sweep_id        text NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  position        integer NOT NULL,  -- order of the view: layers in the model's order, channels up
  layer           text NOT NULL,
  channel         integer NOT NULL,
  job_id          text NOT NULL,
  batch_index     integer NOT NULL,
  reused          boolean NOT NULL,
  examples_job_id text,
  PRIMARY KEY (sweep_id, position),
  UNIQUE (sweep_id, layer, channel)
);
