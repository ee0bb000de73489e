using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplaces.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VideoUploadCreator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "creator_username",
                table: "video_uploads",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "creator_username",
                table: "video_uploads");
        }
    }
}
