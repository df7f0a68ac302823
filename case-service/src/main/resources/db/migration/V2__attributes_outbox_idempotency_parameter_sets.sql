-- What workflows learn about a case: a free JSON object, merge-patched; erasing a case clears it.
ALTER TABLE cases ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE cases ADD COLUMN erased_at timestamptz;

-- Clients look returning users up by e-mail whatever its case; the list without filters pages by creation time.
DROP INDEX cases_tenant_email;
CREATE INDEX cases_tenant_email ON cases (tenant, lower(email));
CREATE INDEX cases_tenant_created ON cases (tenant, created_at DESC, id);

-- The transactional outbox: each row is written in the transaction of the change it describes; the relay publishes
-- rows in seq order and deletes them once Kafka has acknowledged them. The payload names fields, never values.
CREATE TABLE case_outbox (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid         NOT NULL,
    case_id     uuid         NOT NULL,
    tenant      varchar(64)  NOT NULL,
    type        varchar(100) NOT NULL,
    occurred_at timestamptz  NOT NULL,
    payload     text         NOT NULL
);

-- Idempotency-Key of POST /cases and POST /parameters: the first request with a key claims it in the transaction
-- that creates the resource, so two concurrent requests with one key create one resource.
CREATE TABLE idempotency_keys (
    tenant          varchar(64)  NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    resource_id     uuid         NOT NULL,
    status          integer      NOT NULL,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    PRIMARY KEY (tenant, idempotency_key)
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);

-- Parameter sets: immutable values for one workflow definition, validated against (and completed with the defaults
-- of) the definition's parameter schema; definition_version is null when that schema was a never-started draft.
CREATE TABLE parameter_sets (
    id                     uuid PRIMARY KEY,
    tenant                 varchar(64) NOT NULL,
    workflow_definition_id uuid        NOT NULL,
    definition_version     integer,
    parameters             jsonb       NOT NULL,
    created_at             timestamptz NOT NULL
);
