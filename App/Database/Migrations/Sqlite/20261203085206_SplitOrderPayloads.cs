using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplaces.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SplitOrderPayloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_order_events_orders_order_id",
                table: "order_events");

            migrationBuilder.DropForeignKey(
                name: "FK_order_lines_orders_order_id",
                table: "order_lines");

            migrationBuilder.DropForeignKey(
                name: "FK_shipments_orders_order_id",
                table: "shipments");

            migrationBuilder.DropIndex(
                name: "IX_orders_created_at",
                table: "orders");

            migrationBuilder.CreateTable(
                name: "order_payloads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    raw_payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_payloads", x => x.id);
                    table.ForeignKey(
                        name: "FK_order_payloads_orders_id",
                        column: x => x.id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every order's payload moves over before its column goes.
            migrationBuilder.Sql("INSERT INTO order_payloads (id, raw_payload) SELECT id, raw_payload FROM orders");

            migrationBuilder.DropColumn(
                name: "raw_payload",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "IX_orders_created_at",
                table: "orders",
                columns: new[] { "created_at", "marketplace", "connection_id", "status", "currency", "total", "search_text" });

            migrationBuilder.AddForeignKey(
                name: "FK_order_events_order_payloads_order_id",
                table: "order_events",
                column: "order_id",
                principalTable: "order_payloads",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_order_lines_order_payloads_order_id",
                table: "order_lines",
                column: "order_id",
                principalTable: "order_payloads",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_shipments_order_payloads_order_id",
                table: "shipments",
                column: "order_id",
                principalTable: "order_payloads",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_order_events_order_payloads_order_id",
                table: "order_events");

            migrationBuilder.DropForeignKey(
                name: "FK_order_lines_order_payloads_order_id",
                table: "order_lines");

            migrationBuilder.DropForeignKey(
                name: "FK_shipments_order_payloads_order_id",
                table: "shipments");

            migrationBuilder.DropIndex(
                name: "IX_orders_created_at",
                table: "orders");

            migrationBuilder.AddColumn<string>(
                name: "raw_payload",
                table: "orders",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE orders SET raw_payload = (SELECT p.raw_payload FROM order_payloads p WHERE p.id = orders.id)");

            migrationBuilder.DropTable(
                name: "order_payloads");

            migrationBuilder.CreateIndex(
                name: "IX_orders_created_at",
                table: "orders",
                columns: new[] { "created_at", "marketplace", "connection_id", "status", "currency", "total" });

            migrationBuilder.AddForeignKey(
                name: "FK_order_events_orders_order_id",
                table: "order_events",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_order_lines_orders_order_id",
                table: "order_lines",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_shipments_orders_order_id",
                table: "shipments",
                column: "order_id",
                principalTable: "orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
