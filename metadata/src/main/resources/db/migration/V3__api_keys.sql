-- API keys of job-api: each key belongs to one tenant. Only the SHA-256 of a key is stored (hex),
-- so a leaked table or backup gives no usable key. A key is revoked by setting revoked_at, e.g.
--   UPDATE api_keys SET revoked_at = now() WHERE id = 7;
-- and issued with
--   INSERT INTO api_keys (tenant, key_hash) VALUES ('acme', encode(sha256('<key>'::bytea), 'hex'));
CREATE TABLE api_keys (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant     text NOT NULL,
  key_hash   text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Every listing of the API is now one tenant's jobs, newest first.
CREATE INDEX jobs_by_tenant ON jobs (tenant, created_at DESC, id DESC);
