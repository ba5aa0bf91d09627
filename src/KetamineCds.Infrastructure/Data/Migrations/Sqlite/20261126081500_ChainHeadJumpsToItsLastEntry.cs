using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// A chain head may move forward by more than one entry, but only to an entry of its own chain with that sequence
    /// and hash (the PostgreSQL migration of the same name says why). No model change.
    /// </summary>
    [DbContext(typeof(SqliteKetamineCdsDbContext))]
    [Migration("20261126081500_ChainHeadJumpsToItsLastEntry")]
    public partial class ChainHeadJumpsToItsLastEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LogChainHeads_forward_only";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "LogChainHeads_forward_only" BEFORE UPDATE ON "LogChainHeads"
                WHEN NEW."Chain" <> OLD."Chain" OR NEW."LastSequence" <= OLD."LastSequence"
                  OR (NOT EXISTS (SELECT 1 FROM "DecisionLogEntries" e WHERE NEW."Chain" = 'decisions' AND e."Sequence" = NEW."LastSequence" AND e."Hash" = NEW."LastHash")
                      AND NOT EXISTS (SELECT 1 FROM "AccessEvents" e WHERE NEW."Chain" = 'access' AND e."Sequence" = NEW."LastSequence" AND e."Hash" = NEW."LastHash"))
                BEGIN SELECT RAISE(ABORT, 'a chain head only moves forward, to an entry of its chain'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LogChainHeads_forward_only";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "LogChainHeads_forward_only" BEFORE UPDATE ON "LogChainHeads"
                WHEN NEW."LastSequence" <> OLD."LastSequence" + 1 OR NEW."Chain" <> OLD."Chain"
                BEGIN SELECT RAISE(ABORT, 'a chain head only moves forward one entry at a time'); END;
                """);
        }
    }
}
