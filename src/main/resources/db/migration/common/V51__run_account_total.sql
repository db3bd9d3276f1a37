-- A run's figures per account (findings by severity, new, resolved, suppressed, money at stake in
-- USD per month), stored once when the run's reconcile step has settled them: the Summary sheet,
-- the email and the 30-run trend read a few rows instead of grouping every run's findings again
-- (portable SQL: H2 and PostgreSQL). A run without rows here is counted from run_finding.
CREATE TABLE run_account_total (
    run_id       VARCHAR(64)    NOT NULL,
    account_id   VARCHAR(12)    NOT NULL,
    critical     INTEGER        NOT NULL,
    high         INTEGER        NOT NULL,
    medium       INTEGER        NOT NULL,
    low          INTEGER        NOT NULL,
    info         INTEGER        NOT NULL,
    new_count    INTEGER        NOT NULL,
    resolved     INTEGER        NOT NULL,
    suppressed   INTEGER        NOT NULL,
    at_stake_usd NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (run_id, account_id)
);
