using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// A chain head may move forward by more than one entry, but only to an entry of its own chain with that sequence
    /// and hash. Before, it moved one entry per UPDATE, so a batch of n entries updated the one head row n times in
    /// one transaction, each UPDATE following the row's growing chain of versions (quadratic in the batch; the load
    /// test's 128-connection batches made PostgreSQL's CPU per request double). No model change.
    /// </summary>
    [DbContext(typeof(PostgresKetamineCdsDbContext))]
    [Migration("20261126081500_ChainHeadJumpsToItsLastEntry")]
    public partial class ChainHeadJumpsToItsLastEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ketaminecds_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'UPDATE' OR NEW."Chain" <> OLD."Chain" OR NEW."LastSequence" <= OLD."LastSequence"
                     OR NOT (CASE NEW."Chain"
                       WHEN 'decisions' THEN EXISTS (SELECT 1 FROM "DecisionLogEntries" e WHERE e."Sequence" = NEW."LastSequence" AND e."Hash" = NEW."LastHash")
                       WHEN 'access' THEN EXISTS (SELECT 1 FROM "AccessEvents" e WHERE e."Sequence" = NEW."LastSequence" AND e."Hash" = NEW."LastHash")
                       ELSE false END) THEN
                    RAISE EXCEPTION 'a chain head only moves forward, to an entry of its chain' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ketaminecds_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'UPDATE' OR NEW."Chain" <> OLD."Chain" OR NEW."LastSequence" <> OLD."LastSequence" + 1 THEN
                    RAISE EXCEPTION 'a chain head only moves forward one entry at a time' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
        }
    }
}
