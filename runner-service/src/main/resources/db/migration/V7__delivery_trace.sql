-- The W3C traceparent of the run event a delivery carries, so that the delivery's span (and the receiver) continue
-- the run's trace across retries and restarts. Null when tracing is off.
ALTER TABLE webhook_deliveries ADD COLUMN traceparent VARCHAR(64);
