-- Records a consumer gave up on for their own reason (they do not parse, break a constraint, hold text PostgreSQL
-- cannot store, ...): kept for operators to read and replay after a fix, and published to <topic>.dlq. One row per
-- consumer and record, so a record dead-lettered again after a redelivery is kept once. Key, headers and payload are
-- kept as bytes or escaped JSON text, because the record may hold exactly the characters text columns refuse.
CREATE TABLE dead_letters (
    id                uuid PRIMARY KEY,
    consumer          varchar(100) NOT NULL,
    topic             varchar(249) NOT NULL,
    kafka_partition   int          NOT NULL,
    kafka_offset      bigint       NOT NULL,
    tenant            varchar(64),
    event_type        varchar(300),
    event_id          varchar(300),
    record_key        bytea,
    headers           text         NOT NULL,
    payload           bytea,
    error             text         NOT NULL,
    dead_lettered_at  timestamptz  NOT NULL,
    status            varchar(16)  NOT NULL,
    replays           int          NOT NULL DEFAULT 0,
    last_replay_at    timestamptz,
    last_replay_by    varchar(300),
    last_replay_error text,
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);

-- Operators list their tenant's dead letters newest first; records without a readable tenant have tenant NULL.
CREATE INDEX dead_letters_by_tenant ON dead_letters (tenant, dead_lettered_at DESC);

-- The pending-run sweep skips runs whose StartRun is dead-lettered (record key = run id).
CREATE INDEX dead_letters_dead_commands ON dead_letters (record_key) WHERE consumer = 'runner-executors' AND status = 'DEAD';
