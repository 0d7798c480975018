-- Each batch element's own objective in canonical text (ObjectiveColumns.elements): one entry
-- when every element has the job's objective, one per element for a ';' list. A channel
-- rendered as one element of a batched job (the layer atlas sends "L:0; L:1; ...") is then found
-- as one rendered alone, and the gallery shows every element with its objective.
ALTER TABLE jobs ADD COLUMN element_objectives text[];

-- Rows written before this column: canonical text joins the elements with '; '. (Only a quoted
-- class label holding '; ' would be split wrongly; such rows are merely not found by element.)
UPDATE jobs SET element_objectives = string_to_array(objective, '; ') WHERE objective IS NOT NULL;

-- The objective of batch element batch_index (0-based), as ObjectiveSpec.objectiveFor picks it.
CREATE FUNCTION fv_element_objective(objectives text[], batch_index integer) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN cardinality(objectives) = 1 THEN objectives[1]
                    ELSE objectives[batch_index + 1] END $$;

-- "Which of the tenant's images show channel 97 of mixed4?" (element_objectives @> '{mixed4:97}')
CREATE INDEX jobs_by_element_objective ON jobs USING gin (element_objectives);
