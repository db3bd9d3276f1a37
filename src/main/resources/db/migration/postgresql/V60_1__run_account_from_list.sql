-- Moves the comma lists of audit_run.accounts into run_account rows.
INSERT INTO run_account (run_id, account_id)
SELECT DISTINCT r.run_id, trim(a.id)
FROM audit_run r, regexp_split_to_table(r.accounts, ',') AS a(id)
WHERE trim(a.id) <> '';
