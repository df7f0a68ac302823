-- The trigger registry: the trigger of each definition's published version, kept from definition events (and the
-- version it pins), so that every runner instance, also a new one, knows which definitions start on events,
-- schedules and HTTP bindings without replaying history. revision orders the events of one definition; an event
-- that happened before active_since (when the definition last became ACTIVE) does not trigger it.
CREATE TABLE trigger_registry (
    definition_id  uuid PRIMARY KEY,
    tenant         varchar(64)  NOT NULL,
    name           varchar(300),
    status         varchar(16)  NOT NULL,
    version        int,
    revision       bigint       NOT NULL,
    kind           varchar(16)  NOT NULL,
    event_type     varchar(200),
    http_method    varchar(8),
    http_path      varchar(1000),
    exclusive_group varchar(200),
    trigger        jsonb,
    active_since   timestamptz,
    updated_at     timestamptz  NOT NULL
);

CREATE INDEX trigger_registry_events ON trigger_registry (tenant, event_type) WHERE kind = 'event' AND status = 'ACTIVE';
CREATE INDEX trigger_registry_hooks ON trigger_registry (tenant, http_method) WHERE kind = 'http' AND status = 'ACTIVE';

-- Events that started (or decided not to start) triggered runs: a replayed event is skipped as a whole, so a
-- priority change in between cannot make a replay start a different workflow of an exclusive group.
CREATE TABLE trigger_events_seen (
    event_id uuid PRIMARY KEY,
    tenant   varchar(64) NOT NULL,
    seen_at  timestamptz NOT NULL
);

CREATE INDEX trigger_events_seen_at ON trigger_events_seen (seen_at);

-- Runs that start without a case of their own (schedules, content events, business events and HTTP calls that
-- name none) run for the definition's system case, created once through case-service.
CREATE TABLE system_cases (
    definition_id uuid PRIMARY KEY,
    tenant        varchar(64) NOT NULL,
    case_id       uuid        NOT NULL,
    created_at    timestamptz NOT NULL
);

-- API keys for HTTP bindings: stored as a SHA-256 hash, shown once; scoped to a tenant and the workflows they may start.
CREATE TABLE api_keys (
    id             uuid PRIMARY KEY,
    tenant         varchar(64)  NOT NULL,
    name           varchar(200) NOT NULL,
    key_hash       varchar(64)  NOT NULL UNIQUE,
    key_prefix     varchar(20)  NOT NULL,
    definition_ids uuid[]       NOT NULL,
    created_at     timestamptz  NOT NULL,
    created_by     varchar(200),
    revoked_at     timestamptz
);

CREATE INDEX api_keys_tenant ON api_keys (tenant, created_at DESC);
