-- Webhook subscriptions get their Standard Webhooks signing secret (whsec_...), and the secret a rotation replaced,
-- which still verifies until its grace period ends. Subscriptions made before secrets existed get one here.
ALTER TABLE webhook_subscriptions
    ADD COLUMN secret                     varchar(100),
    ADD COLUMN previous_secret            varchar(100),
    ADD COLUMN previous_secret_expires_at timestamptz;

UPDATE webhook_subscriptions
SET secret = 'whsec_' || encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64');

ALTER TABLE webhook_subscriptions ALTER COLUMN secret SET NOT NULL;

-- The tenant's secret for the completion webhooks of runs requested with a callbackUrl.
CREATE TABLE webhook_callback_secrets (
    tenant                     varchar(64) PRIMARY KEY,
    secret                     varchar(100) NOT NULL,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    updated_at                 timestamptz  NOT NULL
);

-- One delivery per (event, subscription) or (event, run callback). The id is derived from the event id and the
-- target, so the same event consumed twice creates nothing new; it is also the webhook-id header, stable across
-- retries, redeliveries and restarts. A delivery is PENDING until a 2xx (SUCCEEDED) or its last attempt (DEAD).
-- Workers claim due deliveries with a lease (lease_until, lease_token); a lease that expires (a dead worker) lets
-- another worker claim the delivery again.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    tenant           varchar(64)   NOT NULL,
    subscription_id  uuid REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    url              varchar(2000) NOT NULL,
    target           varchar(300)  NOT NULL,
    event_id         uuid          NOT NULL,
    event_type       varchar(50)   NOT NULL,
    run_id           uuid,
    payload          text          NOT NULL,
    status           varchar(16)   NOT NULL,
    attempts         int           NOT NULL DEFAULT 0,
    round_attempts   int           NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    lease_until      timestamptz,
    lease_token      uuid,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    delivered_at     timestamptz,
    last_status_code int,
    last_error       varchar(1000)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);
CREATE INDEX webhook_deliveries_run ON webhook_deliveries (tenant, run_id);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (updated_at) WHERE status <> 'PENDING';

-- The delivery log: one row per attempt.
CREATE TABLE webhook_attempts (
    delivery_id  uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      int         NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  int,
    latency_ms   int         NOT NULL,
    error        varchar(1000),
    PRIMARY KEY (delivery_id, attempt)
);
