using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// A patient's screenings are looked up without letter case (DecisionLogEntry.LookupKey: MRN-12 and mrn-12 find each
    /// other): an index on lower("PatientReference") with the columns of PatientScreeningLookup keeps that one index
    /// probe. The exact index stays for the CDS Hooks completion, which matches the EHR's id as sent. No model change.
    /// </summary>
    [DbContext(typeof(PostgresKetamineCdsDbContext))]
    [Migration("20261129041500_PatientReferenceAnyCase")]
    public partial class PatientReferenceAnyCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_DecisionLogEntries_PatientReferenceAnyCase"
                ON "DecisionLogEntries" (lower("PatientReference"), "EntryType", "RecordedAt", "Sequence");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_DecisionLogEntries_PatientReferenceAnyCase";""");
        }
    }
}
