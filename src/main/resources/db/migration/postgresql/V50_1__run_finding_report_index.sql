-- A run's aggregates (counts by account, severity and status; money by check) and the look-up of
-- the findings it resolved, in run and account order, mostly from the index alone. The resource ID
-- (up to 2,048 characters) stays out: a B-tree entry is limited to about 2.7 kB; the money-at-stake
-- query reads it from the table with a bitmap heap scan, in table order.
CREATE INDEX run_finding_report ON run_finding (run_id, account_id, status, severity)
    INCLUDE (monthly_cost_usd, check_id, region, fingerprint);
