-- The delivery poll read one index of every PENDING delivery by next_attempt_at, and a delivery sent at once (created
-- leased, next_attempt_at = its lease end) left a dead entry there the moment it succeeded. Thirty seconds later those
-- entries were in the range every claim walked, and a claim visited the row of each one, and of every due delivery of
-- a receiver whose slots were full, until vacuum came by: 85 ms per claim, 45 % of a core at 640 runs/s.
-- Now deliveries waiting for a worker (never leased, given back, or due for a retry) are one index, by target, so
-- a claim starts at each target with free slots and reads only what it takes; leased deliveries are another, by
-- lease end, read only by the sweep that returns expired leases (a dead worker's) to the first.
CREATE INDEX webhook_deliveries_ready ON webhook_deliveries (target, next_attempt_at)
    WHERE status = 'PENDING' AND lease_token IS NULL;
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (lease_until)
    WHERE status = 'PENDING' AND lease_token IS NOT NULL;
DROP INDEX webhook_deliveries_due;
