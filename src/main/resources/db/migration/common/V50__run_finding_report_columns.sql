-- A run's history row carries what the run's aggregates group by (check, region, resource), so the
-- Summary sheet, the email and the trend read run_finding alone: joining every row of a large run
-- to finding by fingerprint is one random index look-up per finding (portable SQL: H2 and PostgreSQL).
ALTER TABLE run_finding ADD COLUMN check_id VARCHAR(96);
ALTER TABLE run_finding ADD COLUMN region VARCHAR(32);
ALTER TABLE run_finding ADD COLUMN resource_id VARCHAR(2048);

UPDATE run_finding SET
    check_id    = (SELECT f.check_id FROM finding f WHERE f.fingerprint = run_finding.fingerprint),
    region      = (SELECT f.region FROM finding f WHERE f.fingerprint = run_finding.fingerprint),
    resource_id = (SELECT f.resource_id FROM finding f WHERE f.fingerprint = run_finding.fingerprint);

-- The index the run's aggregates read is per vendor: db/migration/<vendor>/V50_1.
