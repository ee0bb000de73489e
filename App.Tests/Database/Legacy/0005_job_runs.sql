-- Every background job execution, with its error and stack trace, for the jobs page.

CREATE TABLE job_runs (
    id bigint GENERATED ALWAYS AS IDENTITY,
    job_group text NOT NULL,
    job_name text NOT NULL,
    trigger_name text NOT NULL,
    instance_id text NOT NULL,
    started_at timestamp with time zone NOT NULL,
    duration_ms integer NOT NULL,
    succeeded boolean NOT NULL,
    result text,
    error text,
    error_detail text,
    CONSTRAINT "PK_job_runs" PRIMARY KEY (id)
);

CREATE INDEX "IX_job_runs_job_group_job_name_started_at" ON job_runs (job_group, job_name, started_at);

CREATE INDEX "IX_job_runs_started_at" ON job_runs (started_at);
