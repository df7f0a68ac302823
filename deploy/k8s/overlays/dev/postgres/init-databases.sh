#!/bin/bash
# Runs once, when the data directory is empty: the databases of case-service and runner-service, each owned by
# its own login role with the credentials from that service's Secret. Flyway creates the tables at start-up.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v cases_user="$CASES_DB_USER" -v cases_password="$CASES_DB_PASSWORD" \
  -v runner_user="$RUNNER_DB_USER" -v runner_password="$RUNNER_DB_PASSWORD" <<'SQL'
CREATE ROLE :"cases_user" LOGIN PASSWORD :'cases_password';
CREATE DATABASE cases OWNER :"cases_user";
CREATE ROLE :"runner_user" LOGIN PASSWORD :'runner_password';
CREATE DATABASE runner OWNER :"runner_user";
SQL
