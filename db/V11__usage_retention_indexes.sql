-- The hourly retention deletes samples and traffic days by time alone, which the primary keys (partition
-- first) cannot narrow: without these it read both tables whole. BRIN, as both are written in time order:
-- a few pages of index, next to nothing added to each sample's insert.
CREATE INDEX usage_sample_at ON usage_sample USING brin (at);
CREATE INDEX usage_day_day ON usage_day USING brin (day);
