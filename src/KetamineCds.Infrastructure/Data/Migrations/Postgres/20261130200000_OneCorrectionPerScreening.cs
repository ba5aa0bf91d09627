using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// A screening is corrected once: a later correction corrects the latest correction, which holds what the first one
    /// put right (QA8 F17). The app checks this before it evaluates, but two corrections of one screening sent at once
    /// (two clinicians, two app instances) could both pass that check; this row trigger decides in the recording
    /// transaction, after the chain head is locked, so that one is stored and the other refused. It looks at new rows
    /// only: a log that already holds two corrections of one screening still migrates and verifies. No model change.
    /// </summary>
    [DbContext(typeof(PostgresKetamineCdsDbContext))]
    [Migration("20261130200000_OneCorrectionPerScreening")]
    public partial class OneCorrectionPerScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION ketaminecds_one_correction_per_screening() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM "DecisionLogEntries" e WHERE e."RelatesToId" = NEW."RelatesToId" AND e."CorrectionReason" IS NOT NULL) THEN
                    RAISE EXCEPTION 'screening % is corrected already: correct its latest correction instead', NEW."RelatesToId"
                      USING ERRCODE = 'unique_violation', CONSTRAINT = 'one_correction_per_screening';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "DecisionLogEntries_one_correction_per_screening" BEFORE INSERT ON "DecisionLogEntries"
                  FOR EACH ROW WHEN (NEW."CorrectionReason" IS NOT NULL) EXECUTE FUNCTION ketaminecds_one_correction_per_screening();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DecisionLogEntries_one_correction_per_screening" ON "DecisionLogEntries";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ketaminecds_one_correction_per_screening();");
        }
    }
}
