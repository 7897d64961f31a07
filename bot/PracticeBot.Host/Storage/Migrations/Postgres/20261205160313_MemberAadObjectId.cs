using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberAadObjectId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AadObjectId",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_members_Platform_AadObjectId",
                table: "members",
                columns: new[] { "Platform", "AadObjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_Platform_AadObjectId",
                table: "members");

            migrationBuilder.DropColumn(
                name: "AadObjectId",
                table: "members");
        }
    }
}
