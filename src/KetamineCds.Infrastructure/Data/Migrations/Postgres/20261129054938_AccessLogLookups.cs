using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// The auditor's access log page (Pages/Audit/Access) lists events newest first by sequence, filtered by who (an email
    /// in any letter case: it is recorded as typed at sign-in), by subject (in any letter case: a patient's reference
    /// as the clinician typed it, a screening id), by kind and by time; an administrator lists one account's events
    /// (Pages/Admin/Users/Events). Each filter walks an index in sequence order instead of the whole log:
    /// (Kind, Sequence) in the model, and (lower("UserEmail"), Sequence) and (lower("Subject"), Sequence) here, which
    /// EfAccessAudit.LookupKey's comparisons use. The exact-case indexes stay for the screening page's access history.
    /// </summary>
    public partial class AccessLogLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AccessEvents_Kind_Sequence",
                table: "AccessEvents",
                columns: new[] { "Kind", "Sequence" });

            migrationBuilder.Sql("""
                CREATE INDEX "IX_AccessEvents_UserEmailAnyCase" ON "AccessEvents" (lower("UserEmail"), "Sequence");
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_AccessEvents_SubjectAnyCase" ON "AccessEvents" (lower("Subject"), "Sequence");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_AccessEvents_SubjectAnyCase";""");
            migrationBuilder.Sql("""DROP INDEX "IX_AccessEvents_UserEmailAnyCase";""");

            migrationBuilder.DropIndex(
                name: "IX_AccessEvents_Kind_Sequence",
                table: "AccessEvents");
        }
    }
}
