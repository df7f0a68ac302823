-- Runs: one row per run, its execution state checkpointed as JSON (see RunState). A PENDING row is also the
-- durable StartRun command: a sweeper re-sends StartRun for PENDING runs nobody picked up.
CREATE TABLE runs (
    id              uuid PRIMARY KEY,
    tenant          varchar(64)  NOT NULL,
    definition_id   uuid         NOT NULL,
    version         int          NOT NULL,
    case_id         uuid         NOT NULL,
    parameters_id   uuid,
    environment     varchar(16)  NOT NULL,
    status          varchar(16)  NOT NULL,
    trigger_kind    varchar(16)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    started_at      timestamptz,
    ended_at        timestamptz,
    result          jsonb,
    error           jsonb,
    state           jsonb        NOT NULL,
    state_version   bigint       NOT NULL DEFAULT 0,
    parent_run_id   uuid,
    parent_node_id  varchar(64),
    idempotency_key varchar(200),
    request_hash    varchar(64),
    callback_url    varchar(2000)
) WITH (fillfactor = 80);

CREATE UNIQUE INDEX runs_tenant_idempotency_key ON runs (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX runs_tenant_definition_created ON runs (tenant, definition_id, created_at DESC);
CREATE INDEX runs_tenant_case_created ON runs (tenant, case_id, created_at DESC);
CREATE INDEX runs_tenant_created ON runs (tenant, created_at DESC);
CREATE INDEX runs_pending ON runs (created_at) WHERE status = 'PENDING';

-- The timeline: one row per node execution (attempt), written when it starts and again when it ends.
CREATE TABLE run_steps (
    run_id     uuid         NOT NULL,
    seq        int          NOT NULL,
    node_id    varchar(64)  NOT NULL,
    node_type  varchar(32)  NOT NULL,
    attempt    int          NOT NULL,
    status     varchar(16)  NOT NULL,
    started_at timestamptz  NOT NULL,
    ended_at   timestamptz,
    inputs     jsonb,
    outputs    jsonb,
    output     varchar(100),
    error      jsonb,
    PRIMARY KEY (run_id, seq)
);

-- Durable timers (delays, retry backoffs, signal and call timeouts, run timeouts): when one is due, the timer
-- poller deletes it and sends ResumeRun in the same transaction (through the outbox).
CREATE TABLE run_timers (
    run_id  uuid        NOT NULL,
    wait_id varchar(64) NOT NULL,
    tenant  varchar(64) NOT NULL,
    due_at  timestamptz NOT NULL,
    PRIMARY KEY (run_id, wait_id)
);

CREATE INDEX run_timers_due ON run_timers (due_at);

-- The transactional outbox: Kafka records written in the same transaction as the state change that causes them.
-- One row holds all records of one transaction; the relay publishes them right after commit and deletes the row;
-- a sweep publishes rows left behind by a crash or a Kafka outage.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    records    jsonb       NOT NULL
);
