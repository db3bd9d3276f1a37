-- Every file a job execution wrote (workbooks, CSVs, .eml summaries), so that the web console and
-- the API list and serve a run's own files only: a later run of the same scope and as-of rewrites
-- the same path and takes the file over; the earlier run's link then answers 410 Gone
-- (portable SQL: H2 and PostgreSQL).
CREATE TABLE report_file (
    execution_id BIGINT        NOT NULL,
    name         VARCHAR(512)  NOT NULL,
    path         VARCHAR(4096) NOT NULL,
    written_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (execution_id, name)
);
CREATE INDEX report_file_name ON report_file (name);

-- How each finished job execution ended, in the CONTRACT.md exit code (0 all audited, 3 coverage
-- gaps or an undelivered email, 1 failed or stopped), for the API's exitCode.
CREATE TABLE execution_outcome (
    execution_id BIGINT  NOT NULL PRIMARY KEY,
    exit_code    INTEGER NOT NULL
);
