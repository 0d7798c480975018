-- A sweep's cancellation and the outbox ask which sweeps' channels await a job ("is this shard
-- still awaited by a live sweep?"). Without an index that is a scan of every sweep's channels:
-- a whole mobilenet_v2 alone is 21130 rows.
CREATE INDEX sweep_channels_by_job ON sweep_channels (job_id);
