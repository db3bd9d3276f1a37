-- AWS Organizations discovery of a run, kept so a restarted execution audits the same accounts
-- and the report can list discovered, included and excluded accounts (portable SQL: H2 and PostgreSQL).

-- One row per run that ran discovery: the caller (management or delegated administrator)
-- account, its partition, and the failed operation when discovery did not complete.
CREATE TABLE org_discovery (
    run_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    caller_account  VARCHAR(12),
    arn_partition   VARCHAR(32)   NOT NULL,
    failed_op       VARCHAR(96),
    error_class     VARCHAR(32),
    error_message   TEXT,
    discovered_at   TIMESTAMP     NOT NULL
);

-- Every account ListAccounts returned, in its order, with the decision.
CREATE TABLE org_account (
    run_id      VARCHAR(64)   NOT NULL,
    position    INTEGER       NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    name        VARCHAR(256),
    email       VARCHAR(256),
    state       VARCHAR(32)   NOT NULL,
    ou_path     VARCHAR(4000) NOT NULL,
    included    BOOLEAN       NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (run_id, account_id)
);
