using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplaces.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class VideoUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "video_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    stored_file = table.Column<string>(type: "text", nullable: true),
                    mode = table.Column<string>(type: "text", nullable: false),
                    caption = table.Column<string>(type: "text", nullable: false),
                    privacy_level = table.Column<string>(type: "text", nullable: true),
                    disable_comment = table.Column<bool>(type: "boolean", nullable: false),
                    disable_duet = table.Column<bool>(type: "boolean", nullable: false),
                    disable_stitch = table.Column<bool>(type: "boolean", nullable: false),
                    brand_content = table.Column<bool>(type: "boolean", nullable: false),
                    brand_organic = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    received_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sent_bytes = table.Column<long>(type: "bigint", nullable: false),
                    publish_id = table.Column<string>(type: "text", nullable: true),
                    upload_url_ciphertext = table.Column<string>(type: "text", nullable: true),
                    upload_url_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    tik_tok_status = table.Column<string>(type: "text", nullable: true),
                    fail_reason = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "text", nullable: true),
                    post_ids = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_video_uploads", x => x.id);
                    table.ForeignKey(
                        name: "FK_video_uploads_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_video_uploads_connection_id",
                table: "video_uploads",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "IX_video_uploads_created_at",
                table: "video_uploads",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "video_uploads");
        }
    }
}
