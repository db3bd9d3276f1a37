-- ShedLock's lock table (portable SQL: H2 and PostgreSQL). `serve` instances sharing one database
-- take the lock named after a job before running it, so each scheduled fire runs once per cluster.
-- Times are written by the database itself (ShedLock's usingDbTime), so instance clocks do not matter.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
