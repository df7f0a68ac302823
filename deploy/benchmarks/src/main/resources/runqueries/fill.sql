-- The data of RunQueriesBenchmark: runs of one tenant (both are parameters) over the last 30 days, each with 10 steps,
-- written straight into the database of runner-service (generate_series: a minute, where the API would take hours).
-- 20 definitions, 20,000 cases, 86 % COMPLETED, 7 % FAILED (an http node answered 503), 3 % WAITING (for a signal),
-- 2 % RUNNING, 2 % CANCELLED and no PENDING run (the pending-run sweep would try to start those), run ids are
-- time-ordered like those the runner makes. States of about 1.5 kB, as the outputs of a few nodes make them.
WITH p AS (SELECT ?::varchar AS tenant, ?::int AS runs, now() AS now)
INSERT INTO runs (id, tenant, definition_id, version, case_id, environment, status, trigger_kind, created_at,
    started_at, ended_at, result, error, state, state_version)
SELECT (lpad(to_hex((extract(epoch FROM t.created) * 1000)::bigint), 12, '0') || '7'
        || lpad(to_hex(g % 4096), 3, '0') || '8' || lpad(to_hex(g), 15, '0'))::uuid,
    p.tenant, md5(p.tenant || ':definition:' || (g % 20))::uuid, 1 + g % 3,
    md5(p.tenant || ':case:' || (g % 20000))::uuid, 'production', t.status, t.kind, t.created,
    t.created + interval '5 ms',
    CASE WHEN t.status IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN t.created + interval '2 s' END,
    CASE WHEN t.status = 'COMPLETED' THEN jsonb_build_object('total', g, 'size', 'large') END,
    CASE WHEN t.status = 'FAILED' THEN jsonb_build_object('message',
        'HTTP 503 from https://api.example.com/orders/' || g, 'code', 'HTTP_STATUS', 'nodeId', 'n10',
        'nodeType', 'http', 'attempts', 3) END,
    jsonb_build_object('params', jsonb_build_object('amount', g, 'note', repeat('x', 600)),
        'trigger', CASE t.kind
            WHEN 'event' THEN jsonb_build_object('kind', 'event', 'eventType', 'order.placed', 'eventId',
                md5('event' || g)::uuid, 'occurredAt', t.created)
            WHEN 'schedule' THEN jsonb_build_object('kind', 'schedule', 'tick', t.created, 'missed', false)
            ELSE jsonb_build_object('kind', 'api') END,
        'vars', jsonb_build_object('total', g * 2),
        'nodes', jsonb_build_object('n2', jsonb_build_object('value', g), 'n3', jsonb_build_object('ok', true),
            'n4', jsonb_build_object('status', 200, 'body', jsonb_build_object('id', g, 'text', repeat('y', 300)))),
        'nextStep', 11,
        'waiting', CASE WHEN t.status = 'WAITING' THEN jsonb_build_object('id', 'w' || g, 'kind', 'SIGNAL',
            'nodeId', 'n10', 'nodeType', 'waitForEvent', 'step', 10, 'attempt', 1,
            'startedAt', t.created + interval '20 ms', 'signal', 'approved') END),
    1
FROM p, generate_series(1, (SELECT runs FROM p)) g,
LATERAL (SELECT p.now - ((SELECT runs FROM p) - g) * (interval '30 days' / (SELECT runs FROM p)) AS created,
    CASE WHEN g % 100 < 86 THEN 'COMPLETED' WHEN g % 100 < 93 THEN 'FAILED' WHEN g % 100 < 96 THEN 'WAITING'
         WHEN g % 100 < 98 THEN 'RUNNING' ELSE 'CANCELLED' END AS status,
    (ARRAY['api', 'api', 'event', 'schedule', 'api'])[1 + g % 5] AS kind) t;

INSERT INTO run_steps (run_id, seq, node_id, node_type, attempt, status, started_at, ended_at, inputs, outputs,
    output, error)
SELECT r.id, s, 'n' || s, CASE WHEN s = 1 THEN 'start' WHEN s = 10 AND r.status = 'FAILED' THEN 'http'
        WHEN s = 10 AND r.status = 'WAITING' THEN 'waitForEvent' ELSE 'set' END, 1,
    CASE WHEN s < 10 OR r.status = 'COMPLETED' THEN 'COMPLETED' WHEN r.status = 'FAILED' THEN 'FAILED'
        WHEN r.status = 'WAITING' THEN 'WAITING' WHEN r.status = 'RUNNING' THEN 'RUNNING' ELSE 'CANCELLED' END,
    r.created_at + s * interval '2 ms',
    CASE WHEN s < 10 OR r.status IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN r.created_at + s * interval '2 ms'
        + interval '1 ms' END,
    jsonb_build_object('amount', s, 'customer', 'someone@example.com', 'note', repeat('z', 100)),
    CASE WHEN s < 10 OR r.status = 'COMPLETED' THEN jsonb_build_object('value', s * 2, 'ok', true) END,
    CASE WHEN s < 10 OR r.status = 'COMPLETED' THEN 'next' END,
    CASE WHEN s = 10 AND r.status = 'FAILED' THEN r.error END
FROM runs r, generate_series(1, 10) s
WHERE r.tenant = ?;
