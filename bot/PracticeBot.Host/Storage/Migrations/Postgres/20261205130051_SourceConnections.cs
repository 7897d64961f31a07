using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PracticeBot.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SourceConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "source_connections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Account = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LocationLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "text", nullable: true),
                    ProtectedChoices = table.Column<string>(type: "text", nullable: true),
                    StateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StatePlatform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StateUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StateExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProtectedVerifier = table.Column<string>(type: "text", nullable: true),
                    ConnectedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Followers = table.Column<int>(type: "integer", nullable: true),
                    FollowersWeek = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PreviousFollowers = table.Column<int>(type: "integer", nullable: true)
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
                name: "source_connections");
        }
    }
}
