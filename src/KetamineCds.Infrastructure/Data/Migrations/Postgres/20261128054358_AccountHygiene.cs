using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineCds.Infrastructure.Data.Migrations.Postgres
{
    /// <summary>
    /// Account hygiene (issue 15): an administrator-set password must be changed at first sign-in
    /// (<c>MustChangePassword</c>; existing accounts keep their passwords and are not forced), and each authenticator
    /// code works once (<c>LastAuthenticatorTimeStep</c>).
    /// </summary>
    public partial class AccountHygiene : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorTimeStep",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastAuthenticatorTimeStep",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");
        }
    }
}
