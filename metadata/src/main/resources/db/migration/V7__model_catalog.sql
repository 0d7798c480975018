-- The model catalog: every model jobs can name, built-in (tenant NULL, everyone's) or uploaded,
-- with its status and, once a worker has loaded it, its description (layers with channels and
-- spatial sizes, labels, input size and normalization, logits layer) as the JSON of contracts'
-- ModelDescription. job-api writes an upload's row as IMPORTING; the storage sink writes what
-- workers publish on fv.models (READY with the description, or FAILED with the reason); job-api
-- validates jobs against it without loading any model.
ALTER TABLE models ALTER COLUMN tenant DROP NOT NULL;
ALTER TABLE models ALTER COLUMN object_prefix DROP NOT NULL;
ALTER TABLE models ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE models ALTER COLUMN bytes DROP NOT NULL;
ALTER TABLE models ALTER COLUMN input_size DROP NOT NULL;
ALTER TABLE models ALTER COLUMN layer_count DROP NOT NULL;
ALTER TABLE models ALTER COLUMN classes DROP NOT NULL;
-- built-in models carry the engine's format names (tfjs-layers ...); uploads the upload's keys
ALTER TABLE models DROP CONSTRAINT models_format_check;
ALTER TABLE models ADD CONSTRAINT models_format_check
  CHECK (tenant IS NULL OR format IN ('tflite', 'savedmodel', 'graphdef', 'tfjs', 'onnx'));
ALTER TABLE models ADD CONSTRAINT models_upload_files_check
  CHECK (tenant IS NULL OR (object_prefix IS NOT NULL AND sha256 IS NOT NULL AND bytes IS NOT NULL));
ALTER TABLE models ADD COLUMN status text NOT NULL DEFAULT 'IMPORTING'
  CHECK (status IN ('IMPORTING', 'READY', 'FAILED'));
ALTER TABLE models ADD COLUMN failure text;             -- why the import failed (FAILED only)
ALTER TABLE models ADD COLUMN description jsonb;        -- ModelDescription (READY only)
ALTER TABLE models ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE models ADD CONSTRAINT models_ready_check
  CHECK ((status = 'READY') = (description IS NOT NULL));
-- Uploads made before the catalog have no description: they stay IMPORTING and job-api asks a
-- worker to import them again at start-up (as it does for any IMPORTING upload).
CREATE INDEX models_tenant_status ON models (tenant, status);
