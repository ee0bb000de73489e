-- Orders from every marketplace in one model, and where each feed of each connection stands.

CREATE TABLE orders (
    id uuid NOT NULL,
    connection_id uuid NOT NULL,
    marketplace text NOT NULL,
    external_id text NOT NULL,
    status text NOT NULL,
    marketplace_status text NOT NULL,
    buyer_name text,
    currency text NOT NULL,
    total numeric NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    raw_payload jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_orders" PRIMARY KEY (id),
    CONSTRAINT "FK_orders_connections_connection_id" FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_orders_connection_id_external_id" ON orders (connection_id, external_id);

CREATE INDEX "IX_orders_created_at" ON orders (created_at);

CREATE TABLE order_lines (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id uuid NOT NULL,
    external_line_id text NOT NULL,
    sku text,
    title text NOT NULL,
    quantity integer NOT NULL,
    unit_price numeric NOT NULL,
    currency text NOT NULL,
    CONSTRAINT "PK_order_lines" PRIMARY KEY (id),
    CONSTRAINT "FK_order_lines_orders_order_id" FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_order_lines_order_id_external_line_id" ON order_lines (order_id, external_line_id);

CREATE TABLE feed_cursors (
    connection_id uuid NOT NULL,
    feed text NOT NULL,
    watermark timestamp with time zone,
    window_from timestamp with time zone,
    window_started_at timestamp with time zone,
    page_token text,
    pages_in_window integer NOT NULL,
    last_attempt_at timestamp with time zone,
    last_success_at timestamp with time zone,
    last_failed_at timestamp with time zone,
    last_error text,
    consecutive_failures integer NOT NULL,
    CONSTRAINT "PK_feed_cursors" PRIMARY KEY (connection_id, feed),
    CONSTRAINT "FK_feed_cursors_connections_connection_id" FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
