-- The daily Cost Explorer series leaves out the lump-sum record types (Tax, Support, Fee, RIFee,
-- SavingsPlanRecurringFee, SavingsPlanUpfrontFee, Credit, Refund) since cost.daily_anomaly judges
-- usage, not bookkeeping; it is stored under granularity DAILY_USAGE. The copies asked without that
-- filter (granularity DAILY) are never read again: drop them, period rows first (CostCache's order).
DELETE FROM cost_period WHERE granularity = 'DAILY';
DELETE FROM cost_amount WHERE granularity = 'DAILY';
