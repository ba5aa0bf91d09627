using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// The one-time submission id of a screening's form or API request (QA11 F6), unique, so that the same submission
    /// sent twice (or two at once) records one screening. Nullable: entries written before it have none, and keep
    /// their hashes (the id is hashed only when present, ChainHash). No data is changed.
    /// </summary>
    public partial class SubmissionIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmissionId",
                table: "DecisionLogEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLogEntries_SubmissionId",
                table: "DecisionLogEntries",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DecisionLogEntries_SubmissionId",
                table: "DecisionLogEntries");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "DecisionLogEntries");
        }
    }
}
