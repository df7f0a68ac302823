-- Queue-like tables: rows are inserted and deleted (outbox, timers) or finished (deliveries) within moments, hundreds
-- per second. PostgreSQL's default (vacuum once a fifth of the table is dead) let their dead rows and index entries
-- pile up between vacuums, and every relay sweep, backlog count and delivery poll walked over them. Vacuum them after
-- a fixed number of dead rows instead, without the cost-based pause.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_cost_delay = 0);
ALTER TABLE run_timers SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_cost_delay = 0);
ALTER TABLE webhook_deliveries SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
