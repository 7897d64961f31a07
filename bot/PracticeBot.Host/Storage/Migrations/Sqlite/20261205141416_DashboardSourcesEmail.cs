using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardSourcesEmail : Migration
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

            migrationBuilder.CreateTable(
                name: "email_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    Uid = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PracticeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Filed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_email_messages_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "source_connections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PracticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LocationLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedChoices = table.Column<string>(type: "TEXT", nullable: true),
                    StateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StatePlatform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StateUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StateExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedVerifier = table.Column<string>(type: "TEXT", nullable: true),
                    ConnectedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConnectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Followers = table.Column<int>(type: "INTEGER", nullable: true),
                    FollowersWeek = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PreviousFollowers = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_connections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_source_connections_practices_PracticeId",
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

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_Mailbox_UidValidity_Uid",
                table: "email_messages",
                columns: new[] { "Mailbox", "UidValidity", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_MessageId",
                table: "email_messages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_email_messages_PracticeId_Outcome",
                table: "email_messages",
                columns: new[] { "PracticeId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_source_connections_PracticeId_Source",
                table: "source_connections",
                columns: new[] { "PracticeId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_source_connections_Source_Location",
                table: "source_connections",
                columns: new[] { "Source", "Location" });

            migrationBuilder.CreateIndex(
                name: "IX_source_connections_StateHash",
                table: "source_connections",
                column: "StateHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboard_sign_ins");

            migrationBuilder.DropTable(
                name: "email_messages");

            migrationBuilder.DropTable(
                name: "source_connections");
        }
    }
}
