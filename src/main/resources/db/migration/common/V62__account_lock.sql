-- The contract's per-account lock (cloud.consolesensei.lock.AccountLocks; portable SQL: H2 and
-- PostgreSQL). An execution holds one row per account it audits while its process is alive; the
-- process proves it is alive by a heartbeat every 10 s, written with the database's clock; a holder
-- silent for 60 s is dead and its accounts may be taken over.

CREATE TABLE execution_heartbeat (
    execution_id BIGINT                   NOT NULL PRIMARY KEY,
    holder       VARCHAR(255)             NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account_lock (
    account_id   VARCHAR(12)              NOT NULL PRIMARY KEY,
    execution_id BIGINT                   NOT NULL,
    locked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_lock_execution ON account_lock (execution_id);
