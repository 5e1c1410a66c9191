-- The day of the month on which a customer's billing month starts. 1-28, so that every month has it.
-- Existing customers get the day they were opened (UTC), capped at 28, as new ones do by default.
ALTER TABLE app_user ADD COLUMN billing_day INTEGER CHECK (billing_day BETWEEN 1 AND 28);
UPDATE app_user SET billing_day = LEAST(EXTRACT(DAY FROM created_at AT TIME ZONE 'UTC')::INT, 28) WHERE role = 'CUSTOMER';
ALTER TABLE app_user ADD CONSTRAINT app_user_customer_billing_day CHECK ((role = 'CUSTOMER') = (billing_day IS NOT NULL));
