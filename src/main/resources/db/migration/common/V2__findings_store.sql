-- ConsoleSensei findings store, coverage and inventory (portable SQL: H2 and PostgreSQL).

-- One row per run (a Spring Batch job instance; restarts keep the run).
CREATE TABLE audit_run (
    run_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    scope         VARCHAR(32)   NOT NULL,
    as_of         DATE          NOT NULL,
    demo          BOOLEAN       NOT NULL,
    accounts      VARCHAR(8000) NOT NULL,
    started_at    TIMESTAMP     NOT NULL,
    finished_at   TIMESTAMP
);
CREATE INDEX audit_run_scope ON audit_run (scope, started_at);

-- Current state of every finding ever seen, keyed by fingerprint (account, region, check, resource).
CREATE TABLE finding (
    fingerprint        VARCHAR(64)   NOT NULL PRIMARY KEY,
    account_id         VARCHAR(12)   NOT NULL,
    account_name       VARCHAR(256)  NOT NULL,
    region             VARCHAR(32)   NOT NULL,
    service            VARCHAR(32)   NOT NULL,
    resource_type      VARCHAR(64)   NOT NULL,
    resource_id        VARCHAR(2048) NOT NULL,
    check_id           VARCHAR(96)   NOT NULL,
    severity           VARCHAR(16)   NOT NULL,
    title              VARCHAR(512)  NOT NULL,
    detail             TEXT          NOT NULL,
    monthly_cost_usd   NUMERIC(14, 2),
    status             VARCHAR(16)   NOT NULL,
    suppression_reason VARCHAR(2048),
    first_seen         DATE          NOT NULL,
    last_seen          DATE          NOT NULL,
    resolved_on        DATE,
    last_run_id        VARCHAR(64)   NOT NULL
);
CREATE INDEX finding_account ON finding (account_id, status);

-- What each run saw: the history behind NEW/RESOLVED, the Changes sheet and the trend.
CREATE TABLE run_finding (
    run_id           VARCHAR(64)  NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    account_id       VARCHAR(12)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    severity         VARCHAR(16)  NOT NULL,
    monthly_cost_usd NUMERIC(14, 2),
    PRIMARY KEY (run_id, fingerprint)
);

-- Coverage gaps of a run: one row per (account, region, service, operation, error class).
CREATE TABLE coverage_gap (
    run_id      VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(12)  NOT NULL,
    region      VARCHAR(32)  NOT NULL,
    service     VARCHAR(32)  NOT NULL,
    operation   VARCHAR(96)  NOT NULL,
    error_class VARCHAR(32)  NOT NULL,
    message     TEXT         NOT NULL,
    info        BOOLEAN      NOT NULL,
    PRIMARY KEY (run_id, account_id, region, service, operation, error_class)
);

-- Inventory rows of a run, for the workbook's per-service sheets.
CREATE TABLE inventory_row (
    run_id      VARCHAR(64)   NOT NULL,
    sheet       VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    region      VARCHAR(32)   NOT NULL,
    resource_id VARCHAR(1024) NOT NULL,
    cells       TEXT          NOT NULL,
    PRIMARY KEY (run_id, sheet, account_id, region, resource_id)
);
