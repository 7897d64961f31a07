using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardSignIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dashboard_sign_ins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PracticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dashboard_sign_ins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dashboard_sign_ins_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_dashboard_sign_ins_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dashboard_sign_ins_ExpiresAt",
                table: "dashboard_sign_ins",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_dashboard_sign_ins_MemberId",
                table: "dashboard_sign_ins",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_dashboard_sign_ins_PracticeId",
                table: "dashboard_sign_ins",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_dashboard_sign_ins_TokenHash",
                table: "dashboard_sign_ins",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboard_sign_ins");
        }
    }
}
