-- Settings kept in the database; secret values are DataProtection ciphertext (is_protected).

CREATE TABLE app_settings (
    key text NOT NULL,
    value text NOT NULL,
    is_protected boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_app_settings" PRIMARY KEY (key)
);
