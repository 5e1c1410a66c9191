-- How often the kernel held a partition back, counted since its start, as its agent reports them.
ALTER TABLE usage_sample ADD COLUMN oom_kills BIGINT NOT NULL DEFAULT 0;
ALTER TABLE usage_sample ADD COLUMN process_limit_hits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE usage_sample ADD COLUMN cpu_throttled_nanos BIGINT NOT NULL DEFAULT 0;
