#!/usr/bin/env bash
# Creates the app's login role at first start of the PostgreSQL container. The role can connect; the app's
# migrations (run as the owner) grant it INSERT and SELECT on the decision log and nothing that alters it.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$KETAMINECDS_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE ketaminecds_app LOGIN PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketaminecds_app') \gexec
GRANT CONNECT ON DATABASE ketaminecds TO ketaminecds_app;
SQL
