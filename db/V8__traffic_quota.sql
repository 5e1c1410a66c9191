-- The day of the month on which a customer's billing month starts. 1-28, so that every month has it.
-- Existing customers get the day they were opened (UTC), capped at 28, as new ones do by default.
ALTER TABLE app_user ADD COLUMN billing_day INTEGER CHECK (billing_day BETWEEN 1 AND 28);
UPDATE app_user SET billing_day = LEAST(EXTRACT(DAY FROM created_at AT TIME ZONE 'UTC')::INT, 28) WHERE role = 'CUSTOMER';
ALTER TABLE app_user ADD CONSTRAINT app_user_customer_billing_day CHECK ((role = 'CUSTOMER') = (billing_day IS NOT NULL));

-- A partition's traffic (in + out) in its customer's current billing period: a running total that each usage
-- sample adds to, so that the quota check never scans the samples. last_*_bytes are the agent's counters at
-- the last sample (they count since the partition started; a drop means it restarted).
CREATE TABLE partition_traffic (
    partition_id   BIGINT      PRIMARY KEY REFERENCES partition (id) ON DELETE CASCADE,
    period_start   TIMESTAMPTZ NOT NULL,
    period_end     TIMESTAMPTZ NOT NULL CHECK (period_end > period_start),
    used_bytes     BIGINT      NOT NULL CHECK (used_bytes >= 0),
    last_in_bytes  BIGINT      NOT NULL CHECK (last_in_bytes >= 0),
    last_out_bytes BIGINT      NOT NULL CHECK (last_out_bytes >= 0),
    -- what the quota did this period: null (nothing yet), THROTTLED (to throttle_rate bit/s) or SUSPENDED
    over_quota     VARCHAR(16) CHECK (over_quota IN ('THROTTLED', 'SUSPENDED')),
    throttle_rate  BIGINT      CHECK (throttle_rate > 0),
    CHECK ((over_quota IS NOT DISTINCT FROM 'THROTTLED') = (throttle_rate IS NOT NULL))
);
CREATE INDEX partition_traffic_period_end ON partition_traffic (period_end);
