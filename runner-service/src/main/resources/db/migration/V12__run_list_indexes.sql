-- The runs list of the console (GET /workflows with filters, GET /workflows/counts) and a definition's incidents.
-- Each filter has an index that holds the list's order (created_at DESC, id) and the run's status (and, for a
-- definition's runs, the version they pin), so that a page's ids and the counts by status come from the index alone
-- (an index-only scan), and only the page's rows are read.
-- status is already an indexed column (runs_pending's predicate), so updates that change it were never HOT: these
-- indexes add index entries to updates that already wrote some, and none to the HOT checkpoints that change only
-- the state.
DROP INDEX runs_tenant_created;
CREATE INDEX runs_tenant_created ON runs (tenant, created_at DESC, id) INCLUDE (status);
DROP INDEX runs_tenant_definition_created;
CREATE INDEX runs_tenant_definition_created ON runs (tenant, definition_id, created_at DESC, id)
    INCLUDE (status, version);
DROP INDEX runs_tenant_case_created;
CREATE INDEX runs_tenant_case_created ON runs (tenant, case_id, created_at DESC, id) INCLUDE (status);
CREATE INDEX runs_tenant_status_created ON runs (tenant, status, created_at DESC, id);

-- A definition's open incidents and its failed runs: only FAILED runs are in it.
CREATE INDEX runs_failed ON runs (tenant, definition_id, created_at DESC, id) WHERE status = 'FAILED';

-- The search text q matches inside a failed run's error (message, code, failing node) through a trigram index.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (PostgreSQL 13+): the database's owner may
-- create it. Where it cannot be created the search still works, reading the failed runs instead of an index.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm could not be created (%): runs searched by error text are read without an index', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        -- spelled exactly as RunRepository.ERROR_TEXT, so that the planner matches the expression
        EXECUTE 'CREATE INDEX runs_error_search ON runs USING gin ((coalesce(error->>''message'', '''') || '' '' '
            || '|| coalesce(error->>''code'', '''') || '' '' || coalesce(error->>''nodeId'', '''')) gin_trgm_ops) '
            || 'WHERE error IS NOT NULL';
    END IF;
END $$;
