-- Runs and their accounts as rows, owned by cloud.consolesensei.run.AuditRuns (portable SQL: H2 and
-- PostgreSQL). audit_run.accounts was a comma list in a VARCHAR(8000): ~615 accounts overflowed it,
-- and reading it took LIKE '%id%' (which also matched ids inside other ids' text).

-- The accounts a run audited (its plan: reachable and unreachable alike).
CREATE TABLE run_account (
    run_id     VARCHAR(64) NOT NULL,
    account_id VARCHAR(12) NOT NULL,
    PRIMARY KEY (run_id, account_id)
);
-- "the runs of this account": previous run, latest as-of, trend
CREATE INDEX run_account_account ON run_account (account_id, run_id);

-- The accounts a run was asked for (--account, the API), written before the job starts: the job
-- reads them by its run id instead of from one long job parameter. No rows: every account.
CREATE TABLE run_selection (
    run_id     VARCHAR(64) NOT NULL,
    account_id VARCHAR(12) NOT NULL,
    PRIMARY KEY (run_id, account_id)
);
