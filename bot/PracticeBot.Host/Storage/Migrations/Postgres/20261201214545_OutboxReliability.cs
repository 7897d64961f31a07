using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxReliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttemptStartedAt",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConversationKey",
                table: "outbox",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAttemptAt",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InDoubt",
                table: "outbox",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnfinishedAttempts",
                table: "outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ConversationKey_Status_Id",
                table: "outbox",
                columns: new[] { "ConversationKey", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_ConversationKey_Status_Id",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "AttemptStartedAt",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "ConversationKey",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "FirstAttemptAt",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "InDoubt",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "UnfinishedAttempts",
                table: "outbox");
        }
    }
}
