using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CdsHookCards",
                columns: table => new
                {
                    Uuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScreeningId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OverrideDecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsHookCards", x => x.Uuid);
                });

            migrationBuilder.CreateTable(
                name: "CdsHookPrefills",
                columns: table => new
                {
                    IdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PatientReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InputJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsHookPrefills", x => x.IdHash);
                });

            migrationBuilder.CreateTable(
                name: "CdsHookTokenUses",
                columns: table => new
                {
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Jti = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
