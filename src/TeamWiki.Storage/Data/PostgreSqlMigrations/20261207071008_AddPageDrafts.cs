using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamWiki.Storage.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class AddPageDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PageDrafts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Markdown = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    BaseRevision = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Saved = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageDrafts", x => new { x.UserId, x.Path });
                    table.ForeignKey(
                        name: "FK_PageDrafts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageDrafts");
        }
    }
}
