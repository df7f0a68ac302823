-- Live statistics, a projection of workflow.run-events. Each run's latest known state (status, timings, the node it
-- waits in): counts, durations and "currently waiting" are aggregates over it. status_at and status_rank order
-- state changes, so an event that arrives late cannot move a run back.
CREATE TABLE stats_runs (
    run_id        uuid PRIMARY KEY,
    tenant        varchar(64) NOT NULL,
    definition_id uuid        NOT NULL,
    version       int         NOT NULL,
    status        varchar(16) NOT NULL,
    status_at     timestamptz NOT NULL,
    status_rank   smallint    NOT NULL,
    waiting_node  varchar(64),
    started_at    timestamptz,
    ended_at      timestamptz,
    first_seen_at timestamptz NOT NULL
);

CREATE INDEX stats_runs_definition ON stats_runs (tenant, definition_id, version);

-- Node executions entered, completed and failed, per node and minute (sums give any window, or all time).
CREATE TABLE stats_node_counts (
    tenant        varchar(64) NOT NULL,
    definition_id uuid        NOT NULL,
    version       int         NOT NULL,
    node_id       varchar(64) NOT NULL,
    minute        timestamptz NOT NULL,
    node_type     varchar(32) NOT NULL,
    entered       bigint      NOT NULL DEFAULT 0,
    completed     bigint      NOT NULL DEFAULT 0,
    failed        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, definition_id, version, node_id, minute)
);

-- The ids of the run events already applied: an event consumed twice (a rebalance, or the outbox publishing a
-- record again) counts once. Old ids are purged; duplicates come within minutes.
CREATE TABLE stats_applied_events (
    event_id   uuid PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stats_applied_events_at ON stats_applied_events (applied_at);
