using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lz4LogCompression : Migration
    {
        // Written as SQL: the generated AlterColumn calls change only the compression, and the scripts EF makes from
        // them ("dotnet ef migrations script") lacked the statement separators.
        private static readonly string[] Columns = ["InputJson", "HistoryJson", "AssessmentJson"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
            {
                migrationBuilder.Sql($"ALTER TABLE \"DecisionLogEntries\" ALTER COLUMN \"{column}\" SET COMPRESSION lz4;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
            {
                migrationBuilder.Sql($"ALTER TABLE \"DecisionLogEntries\" ALTER COLUMN \"{column}\" SET COMPRESSION default;");
            }
        }
    }
}
