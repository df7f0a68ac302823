-- Schedule triggers: the next tick of each active schedule. A ticker on every instance locks due rows
-- (FOR UPDATE SKIP LOCKED), decides the firing and moves next_fire_at on in one transaction, so each tick is
-- decided once however many instances tick. anchor_at is where interval ticks count from.
CREATE TABLE schedule_state (
    definition_id uuid PRIMARY KEY,
    tenant        varchar(64) NOT NULL,
    version       int         NOT NULL,
    anchor_at     timestamptz NOT NULL,
    next_fire_at  timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX schedule_state_due ON schedule_state (next_fire_at);

-- One row per decided tick (the primary key makes a second firing of a tick impossible): PENDING until its run is
-- started (a sweep finishes firings a crash left behind), then STARTED with the run, or SKIPPED / FAILED with why.
CREATE TABLE schedule_firings (
    definition_id uuid        NOT NULL,
    tick          timestamptz NOT NULL,
    tenant        varchar(64) NOT NULL,
    status        varchar(16) NOT NULL,
    missed        boolean     NOT NULL DEFAULT false,
    run_id        uuid,
    reason        varchar(1000),
    decided_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (definition_id, tick)
);

CREATE INDEX schedule_firings_pending ON schedule_firings (decided_at) WHERE status = 'PENDING';
