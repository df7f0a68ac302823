-- The names of the parameters a set's schema declared redacted when the set was stored, so that showing the set
-- masked needs no call to definition-service (a set is immutable, and so is the schema version it was checked
-- against). NULL for sets stored before: those ask the schema, as before.
ALTER TABLE parameter_sets ADD COLUMN redacted text[];
