-- Webhook subscriptions: where a tenant wants run events delivered.
CREATE TABLE webhook_subscriptions (
    id          uuid PRIMARY KEY,
    tenant      varchar(64)   NOT NULL,
    url         varchar(2000) NOT NULL,
    events      text[]        NOT NULL,
    description varchar(500),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0
);

CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant);
