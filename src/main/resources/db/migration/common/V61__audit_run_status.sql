-- audit_run after its accounts moved to run_account (V60): the list column goes; the scope grows to
-- the contract's file-name scopes (ids joined by '+', '@' and regions); the status tells a
-- COMPLETED run (the as-of rule: history never moves backwards past one) from a failed or stopped
-- one (portable SQL: H2 and PostgreSQL).
ALTER TABLE audit_run DROP COLUMN accounts;
ALTER TABLE audit_run ALTER COLUMN scope SET DATA TYPE VARCHAR(512);
ALTER TABLE audit_run ADD COLUMN status VARCHAR(16);
UPDATE audit_run SET status = (SELECT e.STATUS FROM BATCH_JOB_EXECUTION e WHERE e.JOB_EXECUTION_ID =
    (SELECT MAX(p.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS p
     WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = audit_run.run_id));
