using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxReliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AttemptStartedAt",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConversationKey",
                table: "outbox",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "FirstAttemptAt",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InDoubt",
                table: "outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnfinishedAttempts",
                table: "outbox",
                type: "INTEGER",
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
