using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplaces.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Set in place: rebuilding the index would read every stored order again.
            migrationBuilder.Sql("ALTER INDEX \"IX_orders_search_text\" SET (gin_pending_list_limit = 16384);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER INDEX \"IX_orders_search_text\" RESET (gin_pending_list_limit);");
        }
    }
}
