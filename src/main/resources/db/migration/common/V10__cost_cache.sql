-- Cost Explorer results kept per (account, cost scope, metric, granularity, period), so that no
-- figure is paid for twice (every Cost Explorer request costs 0.01 USD).
-- granularity: MONTHLY (grouped by SERVICE; the month to date is a MONTHLY period ending on the
-- as-of date), DAILY (ungrouped total), FORECAST (GetCostForecast from the as-of date).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

CREATE TABLE cost_period (
    account_id   VARCHAR(12)   NOT NULL,
    cost_scope   VARCHAR(40)   NOT NULL,
    metric       VARCHAR(32)   NOT NULL,
    granularity  VARCHAR(16)   NOT NULL,
    period_start DATE          NOT NULL,
    period_end   DATE          NOT NULL,
    estimated    BOOLEAN       NOT NULL,
    fetched_on   DATE          NOT NULL,
    fetched_at   TIMESTAMP     NOT NULL,
    run_id       VARCHAR(200),
    unavailable  VARCHAR(2000),
    CONSTRAINT pk_cost_period PRIMARY KEY (account_id, cost_scope, metric, granularity, period_start)
);

CREATE TABLE cost_amount (
    account_id   VARCHAR(12)    NOT NULL,
    cost_scope   VARCHAR(40)    NOT NULL,
    metric       VARCHAR(32)    NOT NULL,
    granularity  VARCHAR(16)    NOT NULL,
    period_start DATE           NOT NULL,
    group_key    VARCHAR(512)   NOT NULL,
    amount       NUMERIC(20,10) NOT NULL,
    unit         VARCHAR(16)    NOT NULL,
    CONSTRAINT pk_cost_amount PRIMARY KEY (account_id, cost_scope, metric, granularity, period_start, group_key)
);
