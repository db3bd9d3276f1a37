-- Money is two sums that are never added (checks.md, "Savings and cost alerts"): a run's stored
-- figures carry savings (USD per month) and cost alerts (USD) apart instead of one "at stake" sum.
-- Runs stored before are recomputed from their history with the catalog's lists of this version
-- (each resource once, at its largest figure); from now on the application fills the columns from
-- the checks' declared kind. Portable SQL (H2 and PostgreSQL): the per-resource maxima go through a
-- work table because H2 does not let a derived table refer to the row being updated.
ALTER TABLE run_account_total ADD COLUMN savings_usd NUMERIC(16, 2);
ALTER TABLE run_account_total ADD COLUMN cost_alerts_usd NUMERIC(16, 2);

CREATE TABLE v70_resource_money AS
SELECT r.run_id, r.account_id,
       CASE WHEN r.check_id LIKE 'cost.%' OR r.check_id LIKE 'billing.%' THEN 1 ELSE 0 END AS alert,
       r.region, r.resource_id, MAX(r.monthly_cost_usd) AS m
FROM run_finding r
WHERE r.status IN ('NEW', 'OPEN') AND r.monthly_cost_usd IS NOT NULL
  AND r.check_id IN ('ec2.instance_stopped_long', 'ec2.eip_unassociated', 'ec2.instance_idle',
                     'ebs.volume_unattached', 'ebs.volume_gp2', 'ebs.volume_idle', 'ebs.snapshot_old',
                     'ebs.snapshot_orphaned', 'cost.service_spike', 'cost.forecast_over_budget',
                     'cost.daily_anomaly', 'billing.budget_exceeded', 'billing.budget_forecast_exceeded')
  AND r.run_id IN (SELECT t.run_id FROM run_account_total t)
GROUP BY r.run_id, r.account_id,
         CASE WHEN r.check_id LIKE 'cost.%' OR r.check_id LIKE 'billing.%' THEN 1 ELSE 0 END,
         r.region, r.resource_id;

UPDATE run_account_total SET
    savings_usd = COALESCE((SELECT SUM(v.m) FROM v70_resource_money v WHERE v.run_id = run_account_total.run_id
                            AND v.account_id = run_account_total.account_id AND v.alert = 0), 0),
    cost_alerts_usd = COALESCE((SELECT SUM(v.m) FROM v70_resource_money v WHERE v.run_id = run_account_total.run_id
                                AND v.account_id = run_account_total.account_id AND v.alert = 1), 0);

DROP TABLE v70_resource_money;
ALTER TABLE run_account_total ALTER COLUMN savings_usd SET NOT NULL;
ALTER TABLE run_account_total ALTER COLUMN cost_alerts_usd SET NOT NULL;
ALTER TABLE run_account_total DROP COLUMN at_stake_usd;
