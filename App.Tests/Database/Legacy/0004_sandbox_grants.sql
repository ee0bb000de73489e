-- What the built-in sandbox emulators issued, stored by token hash.

CREATE TABLE sandbox_grants (
    token_hash text NOT NULL,
    marketplace text NOT NULL,
    kind text NOT NULL,
    data jsonb NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone,
    consumed_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT "PK_sandbox_grants" PRIMARY KEY (token_hash)
);

CREATE INDEX "IX_sandbox_grants_marketplace_kind" ON sandbox_grants (marketplace, kind);
