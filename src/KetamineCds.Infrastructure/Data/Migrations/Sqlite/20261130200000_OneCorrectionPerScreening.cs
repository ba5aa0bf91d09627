using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// A screening is corrected once: a second correction of the same screening is refused in the recording transaction
    /// (the PostgreSQL migration of the same name says why). New rows only. No model change.
    /// </summary>
    [DbContext(typeof(SqliteKetamineCdsDbContext))]
    [Migration("20261130200000_OneCorrectionPerScreening")]
    public partial class OneCorrectionPerScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "DecisionLogEntries_one_correction_per_screening" BEFORE INSERT ON "DecisionLogEntries"
                WHEN NEW."CorrectionReason" IS NOT NULL
                  AND EXISTS (SELECT 1 FROM "DecisionLogEntries" e WHERE e."RelatesToId" = NEW."RelatesToId" AND e."CorrectionReason" IS NOT NULL)
                BEGIN SELECT RAISE(ABORT, 'one_correction_per_screening: the screening is corrected already; correct its latest correction instead'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DecisionLogEntries_one_correction_per_screening";""");
        }
    }
}
