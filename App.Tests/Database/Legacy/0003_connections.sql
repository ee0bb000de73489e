-- Marketplace connections: the clear-text account row, its encrypted secrets, connect flows in progress and the audit log.

CREATE TABLE connection_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    connection_id uuid,
    marketplace text NOT NULL,
    environment text,
    account text,
    actor text NOT NULL,
    action text NOT NULL,
    succeeded boolean NOT NULL,
    message text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_connection_events" PRIMARY KEY (id)
);

CREATE TABLE connections (
    id uuid NOT NULL,
    marketplace text NOT NULL,
    environment text NOT NULL,
    account_id text NOT NULL,
    display_name text NOT NULL,
    account_parameter text,
    scopes text[] NOT NULL,
    state text NOT NULL,
    state_reason text,
    token_preview text,
    access_token_expires_at timestamp with time zone,
    refresh_token_expires_at timestamp with time zone,
    authorization_expires_at timestamp with time zone,
    last_refreshed_at timestamp with time zone,
    last_refresh_failed_at timestamp with time zone,
    last_refresh_error text,
    refresh_attempts integer NOT NULL,
    connected_at timestamp with time zone NOT NULL,
    connected_by text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_connections" PRIMARY KEY (id)
);

CREATE TABLE pending_authorizations (
    state_hash text NOT NULL,
    marketplace text NOT NULL,
    environment text NOT NULL,
    account_parameter text,
    user_id text NOT NULL,
    user_name text NOT NULL,
    binding_hash text NOT NULL,
    code_verifier_ciphertext text,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT "PK_pending_authorizations" PRIMARY KEY (state_hash)
);

CREATE TABLE connection_secrets (
    connection_id uuid NOT NULL,
    kind text NOT NULL,
    ciphertext text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_connection_secrets" PRIMARY KEY (connection_id, kind),
    CONSTRAINT "FK_connection_secrets_connections_connection_id" FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE CASCADE
);

CREATE INDEX "IX_connection_events_connection_id" ON connection_events (connection_id);

CREATE INDEX "IX_connection_events_marketplace_occurred_at" ON connection_events (marketplace, occurred_at);

CREATE UNIQUE INDEX "IX_connections_marketplace_environment_account_id" ON connections (marketplace, environment, account_id);
