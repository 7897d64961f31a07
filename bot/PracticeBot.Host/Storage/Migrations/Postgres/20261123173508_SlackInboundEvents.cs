using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlackInboundEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workspace_installations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WorkspaceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BotUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProtectedBotToken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InstalledByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InstalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workspace_installations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_Platform_EventId",
                table: "inbound_events",
                columns: new[] { "Platform", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_ReceivedAt",
                table: "inbound_events",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_workspace_installations_Platform_WorkspaceId",
                table: "workspace_installations",
                columns: new[] { "Platform", "WorkspaceId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_events");

            migrationBuilder.DropTable(
                name: "workspace_installations");
        }
    }
}
