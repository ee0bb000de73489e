using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplaces.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SyncProgressAndVideoSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "creator_username",
                table: "video_uploads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "video_uploads",
                type: "TEXT",
                nullable: false,
                // Every upload made before is a file upload.
                defaultValue: "FileUpload");

            migrationBuilder.AddColumn<int>(
                name: "items_in_window",
                table: "feed_cursors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "creator_username",
                table: "video_uploads");

            migrationBuilder.DropColumn(
                name: "source",
                table: "video_uploads");

            migrationBuilder.DropColumn(
                name: "items_in_window",
                table: "feed_cursors");
        }
    }
}
