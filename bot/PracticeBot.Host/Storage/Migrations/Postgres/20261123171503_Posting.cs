using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Posting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posting_slots_PracticeId_Date",
                table: "posting_slots");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "posting_slots",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DayBeforeReminderAt",
                table: "posting_slots",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DoneByMemberId",
                table: "posting_slots",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdeaKey",
                table: "posting_slots",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MissedAt",
                table: "posting_slots",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MorningReminderAt",
                table: "posting_slots",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "posting_slots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SkippedBy",
                table: "posting_slots",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CalendarToken",
                table: "posting_plans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "posting_away",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_away", x => x.Id);
                    table.ForeignKey(
                        name: "FK_posting_away_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posting_swaps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<long>(type: "bigint", nullable: false),
                    SlotId = table.Column<long>(type: "bigint", nullable: false),
                    FromMemberId = table.Column<long>(type: "bigint", nullable: false),
                    ToMemberId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_swaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_posting_swaps_members_FromMemberId",
                        column: x => x.FromMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_posting_swaps_members_ToMemberId",
                        column: x => x.ToMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_posting_swaps_posting_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "posting_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_posting_slots_PracticeId_AssigneeMemberId_Status",
                table: "posting_slots",
                columns: new[] { "PracticeId", "AssigneeMemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_posting_slots_PracticeId_Date_Sequence",
                table: "posting_slots",
                columns: new[] { "PracticeId", "Date", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_posting_away_MemberId",
                table: "posting_away",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_posting_away_PracticeId_MemberId",
                table: "posting_away",
                columns: new[] { "PracticeId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_posting_swaps_FromMemberId",
                table: "posting_swaps",
                column: "FromMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_posting_swaps_PracticeId_SlotId_Status",
                table: "posting_swaps",
                columns: new[] { "PracticeId", "SlotId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_posting_swaps_SlotId",
                table: "posting_swaps",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_posting_swaps_ToMemberId",
                table: "posting_swaps",
                column: "ToMemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "posting_away");

            migrationBuilder.DropTable(
                name: "posting_swaps");

            migrationBuilder.DropIndex(
                name: "IX_posting_slots_PracticeId_AssigneeMemberId_Status",
                table: "posting_slots");

            migrationBuilder.DropIndex(
                name: "IX_posting_slots_PracticeId_Date_Sequence",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "DayBeforeReminderAt",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "DoneByMemberId",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "IdeaKey",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "MissedAt",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "MorningReminderAt",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "SkippedBy",
                table: "posting_slots");

            migrationBuilder.DropColumn(
                name: "CalendarToken",
                table: "posting_plans");

            migrationBuilder.CreateIndex(
                name: "IX_posting_slots_PracticeId_Date",
                table: "posting_slots",
                columns: new[] { "PracticeId", "Date" });
        }
    }
}
