using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reviews stored before this change did not record how they came: Unknown, answered by hand until a poll of
            // the practice's own connected location sees them again (never assumed to be polled).
            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "reviews",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<string>(
                name: "SourceLocation",
                table: "reviews",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Origin",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "SourceLocation",
                table: "reviews");
        }
    }
}
