using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DraftVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedVersion",
                table: "review_replies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Version",
                table: "review_replies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Replies written before versions get one each; those already approved keep their approval of that text, so a
            // reply in its hold is still sent. Cards posted before carry no version: their Approve and Publish buttons
            // are answered with the current text instead of acting.
            migrationBuilder.Sql("UPDATE review_replies SET \"Version\" = 'v' || \"Id\"");
            migrationBuilder.Sql("UPDATE review_replies SET \"ApprovedVersion\" = \"Version\" WHERE \"Status\" IN ('Approved', 'Sending', 'Published')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedVersion",
                table: "review_replies");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "review_replies");
        }
    }
}
