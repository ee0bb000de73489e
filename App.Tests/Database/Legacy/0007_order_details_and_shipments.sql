-- The order's number, ship-to address and search text; its history; and the shipments pushed back.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE orders ADD COLUMN order_number text;
ALTER TABLE orders ADD COLUMN ship_to jsonb;
ALTER TABLE orders ADD COLUMN search_text text;
UPDATE orders SET order_number = external_id,
                  search_text = lower(external_id || ' ' || coalesce(buyer_name, '') || ' '
                      || coalesce((SELECT string_agg(sku, ' ') FROM order_lines l WHERE l.order_id = orders.id), ''));
ALTER TABLE orders ALTER COLUMN order_number SET NOT NULL;
ALTER TABLE orders ALTER COLUMN search_text SET NOT NULL;

CREATE INDEX "IX_orders_search_text" ON orders USING gin (search_text gin_trgm_ops);
CREATE INDEX "IX_orders_order_number" ON orders (order_number);
-- The list's filters, count and per-currency totals are answered from this index alone (index-only scans), so their
-- cost does not grow with the size of the raw payloads.
DROP INDEX "IX_orders_created_at";
CREATE INDEX "IX_orders_created_at" ON orders (created_at) INCLUDE (marketplace, connection_id, status, currency, total);

CREATE TABLE order_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    message text NOT NULL,
    actor text,
    CONSTRAINT "PK_order_events" PRIMARY KEY (id),
    CONSTRAINT "FK_order_events_orders_order_id" FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

CREATE INDEX "IX_order_events_order_id_at" ON order_events (order_id, at);

CREATE TABLE shipments (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    connection_id uuid NOT NULL,
    carrier text NOT NULL,
    tracking_number text NOT NULL,
    shipped_at timestamp with time zone NOT NULL,
    lines jsonb NOT NULL,
    state text NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by text NOT NULL,
    last_attempt_at timestamp with time zone,
    pushed_at timestamp with time zone,
    external_id text,
    error text,
    CONSTRAINT "PK_shipments" PRIMARY KEY (id),
    CONSTRAINT "FK_shipments_orders_order_id" FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT "FK_shipments_connections_connection_id" FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_shipments_order_id_tracking_number" ON shipments (order_id, tracking_number);
CREATE INDEX "IX_shipments_connection_id" ON shipments (connection_id);
