using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// Drops the exact-case index on ("ActorEmail", "RecordedAt", "Sequence"). Since ClinicianAnyCase the auditor's
    /// clinician filter (Pages/Audit, GET /api/v1/audit/export.csv) compares lower("ActorEmail"), which that migration's
    /// index covers, and no query compares the email as written: the old index was only written to, on every entry.
    /// </summary>
    public partial class DropExactCaseClinicianIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DecisionLogEntries_ActorEmail_RecordedAt_Sequence",
                table: "DecisionLogEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DecisionLogEntries_ActorEmail_RecordedAt_Sequence",
                table: "DecisionLogEntries",
                columns: new[] { "ActorEmail", "RecordedAt", "Sequence" });
        }
    }
}
