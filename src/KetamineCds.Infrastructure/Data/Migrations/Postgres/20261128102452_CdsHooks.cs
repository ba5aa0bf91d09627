using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CdsHooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HookOriginJson",
                table: "DecisionLogEntries",
                type: "text",
                nullable: true)
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.CreateTable(
                name: "CdsHookCards",
                columns: table => new
                {
                    Uuid = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreeningId = table.Column<Guid>(type: "uuid", nullable: true),
                    OverrideDecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsHookCards", x => x.Uuid);
                });

            migrationBuilder.CreateTable(
                name: "CdsHookPrefills",
                columns: table => new
                {
                    IdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PatientReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InputJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsHookPrefills", x => x.IdHash);
                });

            migrationBuilder.CreateTable(
                name: "CdsHookTokenUses",
                columns: table => new
                {
                    Issuer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Jti = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsHookTokenUses", x => new { x.Issuer, x.Jti });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CdsHookCards_EntryId",
                table: "CdsHookCards",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_CdsHookPrefills_ExpiresAt",
                table: "CdsHookPrefills",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_CdsHookTokenUses_ExpiresAt",
                table: "CdsHookTokenUses",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CdsHookCards");

            migrationBuilder.DropTable(
                name: "CdsHookPrefills");

            migrationBuilder.DropTable(
                name: "CdsHookTokenUses");

            migrationBuilder.DropColumn(
                name: "HookOriginJson",
                table: "DecisionLogEntries");
        }
    }
}
