-- Explain jobs (issue #10): an image explained at one layer, and renders that interpolate between
-- two objectives. Their requests and the explanation are stored as the messages carry them
-- (Messages' snake_case JSON): read whole by the API's job view, never queried field by field.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check
  CHECK (kind IN ('render', 'dataset_examples', 'explain'));

ALTER TABLE jobs
  ADD COLUMN explain     jsonb,  -- ExplainSpec of an explain job: image, its key, layer, class...
  ADD COLUMN interpolate jsonb,  -- InterpolationSpec of an interpolating render: from, to, frames
  ADD COLUMN explanation jsonb;  -- Explanation of a SUCCEEDED explain job (its terminal event)
