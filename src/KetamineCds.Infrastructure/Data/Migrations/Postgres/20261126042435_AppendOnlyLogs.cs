using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// The decision log and the access log are append-only, enforced by the database: row triggers reject UPDATE and
    /// DELETE and a statement trigger rejects TRUNCATE, whoever issues them. Beyond that the app should connect as a
    /// role that holds INSERT and SELECT on the logs only; <c>ketaminecds_grant_app_role</c> grants exactly that
    /// (and ordinary rights on the other tables). It runs here when the migrating session names the role in the
    /// <c>ketaminecds.app_role</c> setting (Database:AppRole), and again after every start-up migration.
    /// </summary>
    public partial class AppendOnlyLogs : Migration
    {
        private static readonly string[] LogTables = ["DecisionLogEntries", "AccessEvents"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION ketaminecds_reject_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            foreach (var table in LogTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}"
                      FOR EACH ROW EXECUTE FUNCTION ketaminecds_reject_log_change();
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
                      FOR EACH STATEMENT EXECUTE FUNCTION ketaminecds_reject_log_change();
                    """);
            }

            migrationBuilder.Sql("""
                CREATE FUNCTION ketaminecds_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'UPDATE' OR NEW."Chain" <> OLD."Chain" OR NEW."LastSequence" <> OLD."LastSequence" + 1 THEN
                    RAISE EXCEPTION 'a chain head only moves forward one entry at a time' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LogChainHeads_forward_only" BEFORE UPDATE OR DELETE ON "LogChainHeads"
                  FOR EACH ROW EXECUTE FUNCTION ketaminecds_chain_head_forward_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LogChainHeads_no_truncate" BEFORE TRUNCATE ON "LogChainHeads"
                  FOR EACH STATEMENT EXECUTE FUNCTION ketaminecds_reject_log_change();
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION ketaminecds_grant_app_role(app_role text) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE t record;
                BEGIN
                  IF app_role IS NULL OR app_role = '' THEN
                    RETURN;
                  END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
                    -- No password is set here: an administrator gives the role its credentials (or trust/peer/cert auth).
                    EXECUTE format('CREATE ROLE %I LOGIN', app_role);
                  END IF;
                  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                    IF t.tablename IN ('DecisionLogEntries', 'AccessEvents') THEN
                      EXECUTE format('REVOKE ALL ON %I FROM %I', t.tablename, app_role);
                      EXECUTE format('GRANT SELECT, INSERT ON %I TO %I', t.tablename, app_role);
                    ELSIF t.tablename = 'LogChainHeads' THEN
                      EXECUTE format('REVOKE ALL ON %I FROM %I', t.tablename, app_role);
                      EXECUTE format('GRANT SELECT, UPDATE ON %I TO %I', t.tablename, app_role);
                    ELSIF t.tablename = '__EFMigrationsHistory' THEN
                      EXECUTE format('REVOKE ALL ON %I FROM %I', t.tablename, app_role);
                      EXECUTE format('GRANT SELECT ON %I TO %I', t.tablename, app_role);
                    ELSE
                      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t.tablename, app_role);
                    END IF;
                  END LOOP;
                  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app_role);
                END $$;
                """);
            migrationBuilder.Sql("SELECT ketaminecds_grant_app_role(nullif(current_setting('ketaminecds.app_role', true), ''));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in LogTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LogChainHeads_forward_only" ON "LogChainHeads";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LogChainHeads_no_truncate" ON "LogChainHeads";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ketaminecds_grant_app_role(text);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ketaminecds_chain_head_forward_only();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ketaminecds_reject_log_change();");
        }
    }
}
