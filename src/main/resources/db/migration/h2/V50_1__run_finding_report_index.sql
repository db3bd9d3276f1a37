-- A run's aggregates (counts by account, severity and status; money at stake per resource; money
-- by check) and the look-up of the findings it resolved read this index alone: its entries hold
-- every column those queries use, in run and account order. H2 reads a table row through a secondary
-- index one random page at a time, which for a run of a million findings was most of the report.
CREATE INDEX run_finding_report ON run_finding (run_id, account_id, status, severity, monthly_cost_usd, check_id,
    region, resource_id, fingerprint);
