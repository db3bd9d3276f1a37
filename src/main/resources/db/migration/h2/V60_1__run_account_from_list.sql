-- Moves the comma lists of audit_run.accounts into run_account rows. Every id is 12 digits
-- (validated on input), so the n-th id starts at 13 * n; VARCHAR(8000) held at most 616 of them.
INSERT INTO run_account (run_id, account_id)
SELECT r.run_id, SUBSTRING(r.accounts, 13 * n.X + 1, 12)
FROM audit_run r, SYSTEM_RANGE(0, 616) n
WHERE 13 * n.X < CHAR_LENGTH(r.accounts);
