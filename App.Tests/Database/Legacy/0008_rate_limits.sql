-- Where each rate-limit gate stands, shared by every app instance: what it has counted and what throttled answers
-- taught it. A write names the version it read, so two instances never both spend the same allowance.

CREATE TABLE rate_limit_gates (
    marketplace text NOT NULL,
    account text NOT NULL,
    operation_group text NOT NULL,
    version bigint NOT NULL,
    bucket_tokens double precision,
    bucket_refilled_at timestamp with time zone,
    base_rate double precision,
    slow_factor double precision NOT NULL,
    slowed_at timestamp with time zone,
    second_window timestamp with time zone[] NOT NULL,
    minute_window timestamp with time zone[] NOT NULL,
    day_started_at timestamp with time zone,
    day_counts integer[] NOT NULL,
    blocked_until timestamp with time zone,
    exhausted_until timestamp with time zone,
    CONSTRAINT "PK_rate_limit_gates" PRIMARY KEY (marketplace, account, operation_group)
);
