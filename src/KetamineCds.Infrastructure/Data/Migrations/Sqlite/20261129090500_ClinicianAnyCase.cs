using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// The auditor's clinician filter (Pages/Audit, GET /api/v1/audit/export.csv) matches an email without letter case
    /// (EfAccessAudit.LookupKey: Dr.A@clinic and dr.a@clinic are one address): an index on lower("ActorEmail") with the
    /// list's keyset order keeps a first page one index walk. lower() agrees with the app's for A to Z, which is what
    /// email addresses are written in. No model change.
    /// </summary>
    [DbContext(typeof(SqliteKetamineCdsDbContext))]
    [Migration("20261129090500_ClinicianAnyCase")]
    public partial class ClinicianAnyCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_DecisionLogEntries_ActorEmailAnyCase"
                ON "DecisionLogEntries" (lower("ActorEmail"), "RecordedAt", "Sequence");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_DecisionLogEntries_ActorEmailAnyCase";""");
        }
    }
}
