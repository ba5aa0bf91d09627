using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// The decision log and the access log are append-only, enforced by the database itself: any UPDATE or DELETE is
    /// aborted, whoever issues it. The chain heads may move forward but never be removed.
    /// </summary>
    public partial class AppendOnlyLogs : Migration
    {
        private static readonly string[] LogTables = ["DecisionLogEntries", "AccessEvents"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in LogTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE is not allowed'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE is not allowed'); END;
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER "LogChainHeads_no_delete" BEFORE DELETE ON "LogChainHeads"
                BEGIN SELECT RAISE(ABORT, 'LogChainHeads rows may not be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "LogChainHeads_forward_only" BEFORE UPDATE ON "LogChainHeads"
                WHEN NEW."LastSequence" <> OLD."LastSequence" + 1 OR NEW."Chain" <> OLD."Chain"
                BEGIN SELECT RAISE(ABORT, 'a chain head only moves forward one entry at a time'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in LogTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_update";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_delete";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LogChainHeads_no_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LogChainHeads_forward_only";""");
        }
    }
}
