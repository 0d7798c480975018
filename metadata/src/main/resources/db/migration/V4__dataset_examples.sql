-- Dataset examples: jobs that rank the images of a dataset by how strongly they drive a channel
-- and keep crops of the top ones as frames.

-- Image sets. Built-in ones (tenant NULL) every tenant may search; job-api registers them at
-- start from a folder. Uploads belong to one tenant. Images are in the bucket under
-- object_prefix: datasets/<tenant>/<id>/ or public-datasets/<id>/. Written and read by job-api.
CREATE TABLE datasets (
  tenant        text,                       -- NULL: built-in, visible to every tenant
  id            text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name          text NOT NULL,              -- what people call it; the id when not given
  object_prefix text NOT NULL UNIQUE,
  image_count   integer NOT NULL CHECK (image_count > 0),
  bytes         bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
-- A tenant's ids are its own; a built-in id is unique among built-ins.
CREATE UNIQUE INDEX datasets_by_owner ON datasets (coalesce(tenant, ''), id);

CREATE TABLE dataset_images (
  object_prefix text NOT NULL REFERENCES datasets (object_prefix) ON DELETE CASCADE,
  name          text NOT NULL,              -- file name in the set, e.g. owl.jpg
  object_key    text NOT NULL UNIQUE,
  width         integer NOT NULL,
  height        integer NOT NULL,
  bytes         bigint NOT NULL,
  sha256        text NOT NULL,
  PRIMARY KEY (object_prefix, name)
);

ALTER TABLE jobs
  ADD COLUMN kind           text NOT NULL DEFAULT 'render' CHECK (kind IN ('render', 'dataset_examples')),
  ADD COLUMN dataset        text,            -- id of the searched dataset
  ADD COLUMN dataset_prefix text,            -- and where its images are
  ADD COLUMN top_k          integer;

CREATE INDEX jobs_by_kind ON jobs (tenant, kind, model, layer, channel, created_at DESC, id DESC);

-- Where an example frame comes from: the dataset image and the crop's box in its pixels.
ALTER TABLE frames
  ADD COLUMN source_image  text,
  ADD COLUMN source_key    text,
  ADD COLUMN source_width  integer,
  ADD COLUMN source_height integer,
  ADD COLUMN crop          integer[];       -- {x, y, width, height}
