using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplaces.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dropshipping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "supplier_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    connection_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    marketplace = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    supplier_product_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    markup_percent = table.Column<long>(type: "INTEGER", nullable: false),
                    fixed_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    price_ending = table.Column<long>(type: "INTEGER", nullable: true),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    auto_reprice = table.Column<bool>(type: "INTEGER", nullable: false),
                    margin_floor_percent = table.Column<long>(type: "INTEGER", nullable: true),
                    checked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_links", x => x.id);
                    table.ForeignKey(
                        name: "FK_supplier_links_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_supplier_links_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supplier_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    connection_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    marketplace = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    out_order_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    request = table.Column<string>(type: "TEXT", nullable: false),
                    supplier_order_ids = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    supplier_status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    cost = table.Column<long>(type: "INTEGER", nullable: true),
                    cost_currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    carrier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    checked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    tracking_sent_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_orders", x => x.id);
                    table.ForeignKey(
                        name: "FK_supplier_orders_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_supplier_orders_order_payloads_order_id",
                        column: x => x.order_id,
                        principalTable: "order_payloads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supplier_sku_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    link_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    variant_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    sku_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sku_attr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    cost = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    stock = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_sku_links", x => x.id);
                    table.ForeignKey(
                        name: "FK_supplier_sku_links_product_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "product_variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_supplier_sku_links_supplier_links_link_id",
                        column: x => x.link_id,
                        principalTable: "supplier_links",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_supplier_links_connection_id",
                table: "supplier_links",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_links_marketplace_supplier_product_id",
                table: "supplier_links",
                columns: new[] { "marketplace", "supplier_product_id" });

            migrationBuilder.CreateIndex(
                name: "IX_supplier_links_product_id",
                table: "supplier_links",
                column: "product_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supplier_orders_connection_id",
                table: "supplier_orders",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_orders_order_id",
                table: "supplier_orders",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supplier_orders_state",
                table: "supplier_orders",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_sku_links_link_id",
                table: "supplier_sku_links",
                column: "link_id");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_sku_links_variant_id",
                table: "supplier_sku_links",
                column: "variant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supplier_orders");

            migrationBuilder.DropTable(
                name: "supplier_sku_links");

            migrationBuilder.DropTable(
                name: "supplier_links");
        }
    }
}
