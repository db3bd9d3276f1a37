package cloud.consolesensei.cost;

import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.MalformedAnswer;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.cost.CostSpans.Span;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Reads one account's costs from Cost Explorer (global endpoint, signed for us-east-1), asking
 * only for what {@link CostCache} does not already hold for the as-of day:
 * <ul>
 *   <li>{@code GetCostAndUsage} MONTHLY grouped by dimension SERVICE: the 6 complete months and the
 *       month to date (a MONTHLY period ending on the as-of date);</li>
 *   <li>{@code GetCostAndUsage} DAILY, ungrouped, with {@code Filter: {Not: {Dimensions: {Key: RECORD_TYPE,
 *       Values: [Tax, Support, Fee, RIFee, SavingsPlanRecurringFee, SavingsPlanUpfrontFee, Credit, Refund]}}}}:
 *       judged + baseline days of {@code cost.daily_anomaly} (at least the sheet's 30), ending the day
 *       before the as-of date. The lump sums AWS books on one day (tax, support, fees, upfront
 *       commitments, credits, refunds) are not usage, so they stay out of the series the anomaly
 *       check judges (docs/checks.md);</li>
 *   <li>{@code GetCostForecast} MONTHLY from the as-of date to the first of the next month.</li>
 * </ul>
 * The monthly series and the month to date keep every record type (cost.forecast_over_budget adds
 * the month to date to the forecast). A complete, not estimated period is never asked for again; the month to date, estimated days and
 * the forecast at most once per as-of day ({@link CostCache.Stored#usableOn}); {@code refreshCosts}
 * asks for everything. Failures become coverage gaps through {@link ReadContext#call}; a forecast
 * Cost Explorer cannot make ({@code DataUnavailableException}) is an INFO gap, remembered for the day.
 */
final class CostExplorerReader {

    static final String SERVICE = "ce";
    static final String GET_COST_AND_USAGE = "GetCostAndUsage";
    static final String GET_COST_FORECAST = "GetCostForecast";
    /** RECORD_TYPE values left out of the daily series: booked as lump sums or adjustments, not usage. */
    static final List<String> LUMP_SUM_RECORD_TYPES = List.of("Tax", "Support", "Fee", "RIFee",
            "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee", "Credit", "Refund");

    private final CostCache cache;
    private final CostExplorerUsage usage;
    private final CostProperties properties;

    CostExplorerReader(CostCache cache, CostExplorerUsage usage, CostProperties properties) {
        this.cache = cache;
        this.usage = usage;
        this.properties = properties;
    }

    /** Brings the cache up to date for the account and as-of date of {@code ctx}, then assembles the snapshot. */
    CostSnapshot read(ReadContext ctx) {
        CostMetric metric = properties.costMetric();
        LocalDate asOf = ctx.asOf();
        List<Span> monthly = new ArrayList<>(CostSpans.completeMonths(asOf));
        CostSpans.monthToDate(asOf).ifPresent(monthly::add);
        ensure(ctx, series(ctx, CostCache.Granularity.MONTHLY), monthly, true);
        int days = dailyDays(ctx);
        ensure(ctx, series(ctx, CostCache.Granularity.DAILY_USAGE), CostSpans.days(asOf, days), false);
        ensureForecast(ctx, series(ctx, CostCache.Granularity.FORECAST), CostSpans.forecast(asOf));
        return CostSpans.fromCache(cache, ctx.account().id(), properties.costScope(), metric, asOf, days,
                ctx.account().monthlyBudgetUsd());
    }

    /** Judged plus baseline days of the anomaly check, and never fewer than the sheet shows. */
    static int dailyDays(ReadContext ctx) {
        return Math.max(CostSpans.SHEET_DAYS,
                ctx.settings().integer(DailyAnomalyCheck.ID, DailyAnomalyCheck.JUDGED_DAYS)
                        + ctx.settings().integer(DailyAnomalyCheck.ID, DailyAnomalyCheck.BASELINE_DAYS));
    }

    private CostCache.Series series(ReadContext ctx, CostCache.Granularity g) {
        return new CostCache.Series(ctx.account().id(), properties.costScope(), properties.costMetric(), g);
    }

    /**
     * Brings the cache's {@link CostCache.Granularity#MONTHLY_PRETAX} series up to date for the complete
     * months {@code wanted}: one ungrouped MONTHLY {@code GetCostAndUsage} over the stale stretch, filtered
     * on {@code Not RECORD_TYPE = Tax} (and LINKED_ACCOUNT through the payer's bill), as the Billing
     * sheet's reconciliation of invoices (totals before tax) needs.
     */
    void ensureMonthsWithoutTax(ReadContext ctx, List<Span> wanted) {
        if (wanted.isEmpty()) return;
        Expression noTax = Expression.builder().not(Expression.builder().dimensions(DimensionValues.builder()
                .key(Dimension.RECORD_TYPE).values("Tax").build()).build()).build();
        ensure(ctx, series(ctx, CostCache.Granularity.MONTHLY_PRETAX), wanted, false,
                filter(ctx).map(account -> Expression.builder().and(account, noTax).build()).orElse(noTax));
    }

    private void ensure(ReadContext ctx, CostCache.Series series, List<Span> wanted, boolean byService) {
        ensure(ctx, series, wanted, byService, byService ? filter(ctx).orElse(null) : usageFilter(ctx));
    }

    /** @param requestFilter the request's Filter, or {@code null} for none */
    private void ensure(ReadContext ctx, CostCache.Series series, List<Span> wanted, boolean byService,
                        Expression requestFilter) {
        LocalDate asOf = ctx.asOf();
        Map<LocalDate, CostCache.Stored> stored = cache.load(series, wanted.get(0).start(),
                wanted.get(wanted.size() - 1).end().plusDays(1));
        List<Span> stale = wanted.stream().filter(w -> ctx.options().refreshCosts() || stored.get(w.start()) == null
                || !stored.get(w.start()).usableOn(asOf, w.end())).toList();
        if (stale.isEmpty()) return;
        // One request over the stale stretch: estimated periods are the latest, so it is one contiguous run.
        Span range = new Span(stale.stream().map(Span::start).min(Comparator.naturalOrder()).orElseThrow(),
                stale.stream().map(Span::end).max(Comparator.naturalOrder()).orElseThrow());
        GetCostAndUsageRequest.Builder req = GetCostAndUsageRequest.builder()
                .timePeriod(interval(range))
                .granularity(series.granularity() != CostCache.Granularity.DAILY_USAGE
                        ? Granularity.MONTHLY
                        : Granularity.DAILY)
                .metrics(series.metric().apiName());
        if (byService) {
            req.groupBy(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("SERVICE").build());
        }
        if (requestFilter != null) req.filter(requestFilter);
        ctx.call(SERVICE, GET_COST_AND_USAGE, () -> periods(CostExplorerPages.getCostAndUsage(
                        ctx.clients().costExplorer(ctx.account()), req.build(), () -> usage.record(runId(ctx))),
                        series.metric(), byService))
                .ifPresent(periods -> cache.store(series, periods, asOf, runId(ctx)));
    }

    private void ensureForecast(ReadContext ctx, CostCache.Series series, Span span) {
        CostCache.Stored stored = cache.load(series, span.start(), span.start().plusDays(1)).get(span.start());
        if (!ctx.options().refreshCosts() && stored != null && stored.usableOn(ctx.asOf(), span.end())) {
            if (stored.unavailable() != null) {
                ctx.gap(SERVICE, GET_COST_FORECAST, ErrorClass.DATA_UNAVAILABLE, stored.unavailable(), true);
            }
            return;
        }
        GetCostForecastRequest.Builder req = GetCostForecastRequest.builder()
                .timePeriod(interval(span))
                .metric(series.metric().forecastMetric())
                .granularity(Granularity.MONTHLY);
        filter(ctx).ifPresent(req::filter);
        ctx.call(SERVICE, GET_COST_FORECAST, () -> {
            CostExplorerClient ce = ctx.clients().costExplorer(ctx.account());
            usage.record(runId(ctx));
            try {
                return forecastTotal(ce.getCostForecast(req.build()));
            } catch (DataUnavailableException e) {
                String message = AwsErrorClassifier.message(e)
                        + " - Cost Explorer has too little history to forecast; cost.forecast_over_budget not evaluated";
                cache.storeUnavailable(series, span.start(), span.end(), ctx.asOf(), runId(ctx), message);
                ctx.gap(SERVICE, GET_COST_FORECAST, ErrorClass.DATA_UNAVAILABLE, message, true);
                return null;
            }
        }).ifPresent(total -> cache.store(series,
                List.of(new CostPeriod(span.start(), span.end(), true, Map.of(CostPeriod.TOTAL, total))),
                ctx.asOf(), runId(ctx)));
    }

    private static Money forecastTotal(GetCostForecastResponse r) {
        if (r.total() == null || r.total().amount() == null) {
            throw MalformedAnswer.of("GetCostForecast answer has no Total.Amount", null);
        }
        return amount(r.total());
    }

    /** LINKED_ACCOUNT = the audited account, when the costs are read through the payer's bill. */
    private Optional<Expression> filter(ReadContext ctx) {
        if (properties.payerAccount() == null) return Optional.empty();
        return Optional.of(Expression.builder().dimensions(DimensionValues.builder()
                .key(Dimension.LINKED_ACCOUNT).values(ctx.account().id()).build()).build());
    }

    /**
     * The daily series' filter: every record type but the lump sums, of the audited account when the
     * costs are read through the payer's bill ({@code And} of both, as the Expression grammar wants).
     */
    private Expression usageFilter(ReadContext ctx) {
        Expression usage = Expression.builder().not(Expression.builder().dimensions(DimensionValues.builder()
                .key(Dimension.RECORD_TYPE).values(LUMP_SUM_RECORD_TYPES).build()).build()).build();
        return filter(ctx).map(account -> Expression.builder().and(account, usage).build()).orElse(usage);
    }

    private static DateInterval interval(Span s) {
        return DateInterval.builder().start(s.start().toString()).end(s.end().toString()).build();
    }

    private static String runId(ReadContext ctx) {
        return ctx.options() == null ? null : ctx.options().runId();
    }

    /**
     * Merges pages of {@code ResultsByTime} into periods: a period's groups may come on several pages;
     * amounts are parsed exactly; a grouped period without groups cost nothing (its {@code Total} is
     * empty when grouping, so only the groups count).
     */
    static List<CostPeriod> periods(List<ResultByTime> results, CostMetric metric, boolean grouped) {
        Map<LocalDate, LocalDate> ends = new LinkedHashMap<>();
        Map<LocalDate, Boolean> estimated = new LinkedHashMap<>();
        Map<LocalDate, Map<String, Money>> amounts = new LinkedHashMap<>();
        for (ResultByTime r : results) {
            if (r.timePeriod() == null) throw MalformedAnswer.of("GetCostAndUsage result without TimePeriod", null);
            LocalDate start = date("TimePeriod.Start", r.timePeriod().start());
            ends.put(start, date("TimePeriod.End", r.timePeriod().end()));
            estimated.merge(start, Boolean.TRUE.equals(r.estimated()), Boolean::logicalOr);
            Map<String, Money> m = amounts.computeIfAbsent(start, k -> new LinkedHashMap<>());
            if (grouped) {
                for (Group g : r.groups()) {
                    MetricValue v = g.metrics().get(metric.apiName());
                    if (v != null) m.merge(String.join(" / ", g.keys()), amount(v), Money::plus);
                }
            } else if (r.hasTotal() && r.total().get(metric.apiName()) != null) {
                MetricValue v = r.total().get(metric.apiName());
                m.merge(CostPeriod.TOTAL, amount(v), Money::plus);
            }
        }
        List<CostPeriod> out = new ArrayList<>();
        ends.forEach((start, end) -> out.add(new CostPeriod(start, end, estimated.get(start), amounts.get(start))));
        return out;
    }

    /** A {@code TimePeriod} date of GetCostAndUsage ({@code YYYY-MM-DD}). */
    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw MalformedAnswer.of("GetCostAndUsage " + field + " '" + value + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    /** A metric's {@code Amount}: a decimal string. */
    private static Money amount(MetricValue v) {
        try {
            return Money.parse(v.amount(), v.unit());
        } catch (NumberFormatException e) {
            throw MalformedAnswer.of("Cost Explorer Amount '" + v.amount() + "' is not a number", e);
        }
    }
}
