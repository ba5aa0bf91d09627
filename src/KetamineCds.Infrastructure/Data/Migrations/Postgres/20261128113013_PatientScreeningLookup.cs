using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PatientScreeningLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DecisionLogEntries_PatientReference_EntryType_RecordedAt_Se~",
                table: "DecisionLogEntries",
                columns: new[] { "PatientReference", "EntryType", "RecordedAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DecisionLogEntries_PatientReference_EntryType_RecordedAt_Se~",
                table: "DecisionLogEntries");
        }
    }
}
