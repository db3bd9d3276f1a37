package cloud.consolesensei.usage;

import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.collect.ReadContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads daily metrics of many resources with CloudWatch GetMetricData (IAM: cloudwatch:GetMetricData),
 * never one call per resource: the queries are sent {@value #MAX_QUERIES_PER_CALL} per call (AWS's
 * limit), each with an id starting with a lowercase letter ({@code m0}, {@code m1}, ...), a period of
 * {@value MetricWindow#PERIOD_SECONDS} s over the window's whole UTC days. Every {@code NextToken}
 * page is followed with the same queries, and a query's datapoints spread over several pages are
 * joined. A query still {@code PartialData} after the last page keeps the days it got (a missing day
 * is missing, not zero). A failed call is a coverage gap for (account, region, cloudwatch,
 * GetMetricData) and its resources' metrics are unknown; after an access-denied answer the reader
 * stops calling (the remaining resources are unknown too). A query answered {@code Forbidden} or
 * {@code InternalError} leaves its resource unknown and is a gap naming how many resources it hit.
 * <p>
 * One reader serves one read of one (account, region); it is not thread-safe.
 */
public final class MetricDataReader {

    /** GetMetricData accepts at most 500 MetricDataQuery structures per call. */
    public static final int MAX_QUERIES_PER_CALL = 500;

    private static final Logger log = LoggerFactory.getLogger(MetricDataReader.class);

    private final ReadContext ctx;
    private final MetricDataUsage usage;
    private String refused;

    /**
     * @param ctx   the account and region read; gaps go to its sink
     * @param usage counts calls and metrics for the run's summary
     */
    public MetricDataReader(ReadContext ctx, MetricDataUsage usage) {
        this.ctx = ctx;
        this.usage = usage;
    }

    /**
     * Reads {@code queries} over {@code window}, in calls of at most {@value #MAX_QUERIES_PER_CALL}
     * queries (one resource's queries may fall in two calls; results are keyed by resource and metric).
     */
    public MetricResults read(MetricWindow window, List<MetricQuery> queries) {
        Map<String, Map<String, Map<LocalDate, Double>>> series = new HashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        Set<String> partial = new HashSet<>();
        for (int from = 0; from < queries.size(); from += MAX_QUERIES_PER_CALL) {
            List<MetricQuery> chunk = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES_PER_CALL));
            if (refused != null) {
                chunk.forEach(q -> unreadable.putIfAbsent(q.resourceId(), refused));
                continue;
            }
            readCall(window, chunk, series, unreadable, partial);
        }
        Map<String, Map<String, DailySeries>> out = new HashMap<>();
        series.forEach((id, byMetric) -> {
            Map<String, DailySeries> m = new HashMap<>();
            byMetric.forEach((metric, days) -> m.put(metric, new DailySeries(days)));
            out.put(id, m);
        });
        return new MetricResults(out, unreadable, partial);
    }

    private void readCall(MetricWindow window, List<MetricQuery> chunk,
                          Map<String, Map<String, Map<LocalDate, Double>>> series, Map<String, String> unreadable,
                          Set<String> partial) {
        Map<String, MetricQuery> byId = new LinkedHashMap<>();
        List<MetricDataQuery> request = new ArrayList<>(chunk.size());
        for (MetricQuery q : chunk) {
            String id = "m" + byId.size();
            byId.put(id, q);
            request.add(MetricDataQuery.builder().id(id).returnData(true)
                    .metricStat(s -> s.period(MetricWindow.PERIOD_SECONDS).stat(q.stat())
                            .metric(m -> m.namespace(q.namespace()).metricName(q.metricName())
                                    .dimensions(d -> d.name(q.dimensionName()).value(q.resourceId()))))
                    .build());
        }
        GetMetricDataRequest req = GetMetricDataRequest.builder().startTime(window.startTime())
                .endTime(window.endTime()).scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(request).build();
        Map<String, StatusCode> status = new HashMap<>();
        Map<String, String> failedQueries = new LinkedHashMap<>();
        try {
            CloudWatchClient cw = ctx.clients().cloudWatch(ctx.account(), ctx.region());
            for (GetMetricDataResponse page : cw.getMetricDataPaginator(req)) {
                usage.record(ctx.options().runId(), request.size());
                page.messages().forEach(m -> log.info("GetMetricData account={} region={}: {} {}", ctx.account().id(),
                        ctx.region(), m.code(), m.value()));
                for (MetricDataResult r : page.metricDataResults()) {
                    MetricQuery q = byId.get(r.id());
                    if (q == null) continue; // an id we did not ask for carries nothing of ours
                    status.put(r.id(), r.statusCode());
                    if (r.statusCode() == StatusCode.FORBIDDEN || r.statusCode() == StatusCode.INTERNAL_ERROR) {
                        failedQueries.put(r.id(), r.statusCodeAsString() + r.messages().stream()
                                .map(m -> " " + m.code() + ": " + m.value()).reduce("", String::concat));
                        continue;
                    }
                    Map<LocalDate, Double> days = series.computeIfAbsent(q.resourceId(), k -> new HashMap<>())
                            .computeIfAbsent(q.metricName(), k -> new HashMap<>());
                    int n = Math.min(r.timestamps().size(), r.values().size());
                    for (int i = 0; i < n; i++) {
                        LocalDate day = window.dayOf(r.timestamps().get(i));
                        Double v = r.values().get(i);
                        if (day != null && v != null && !v.isNaN()) days.put(day, v);
                    }
                }
            }
        } catch (RuntimeException e) {
            String subject = chunk.size() + " metric queries of " + resources(chunk) + " resource(s)";
            ctx.failed("cloudwatch", "GetMetricData", subject, e);
            ErrorClass cls = AwsErrorClassifier.classify(e, Regions.isOptIn(ctx.region()));
            String why = "CloudWatch GetMetricData failed (" + cls.label() + "; see coverage)";
            if (cls == ErrorClass.ACCESS_DENIED || cls == ErrorClass.INVALID_CREDENTIALS
                    || cls == ErrorClass.EXPIRED_CREDENTIALS || cls == ErrorClass.REGION_NOT_ENABLED) {
                refused = why;
            }
            chunk.forEach(q -> unreadable.putIfAbsent(q.resourceId(), why));
            return;
        }
        status.forEach((id, s) -> {
            if (s == StatusCode.PARTIAL_DATA) partial.add(byId.get(id).resourceId());
        });
        if (!failedQueries.isEmpty()) {
            Set<String> hit = new HashSet<>();
            failedQueries.keySet().forEach(id -> hit.add(byId.get(id).resourceId()));
            String first = failedQueries.values().iterator().next();
            boolean forbidden = first.startsWith(StatusCode.FORBIDDEN.toString());
            ctx.gap("cloudwatch", "GetMetricData", forbidden ? ErrorClass.ACCESS_DENIED : ErrorClass.SERVICE_ERROR,
                    failedQueries.size() + " metric queries of " + hit.size() + " resource(s) (" + String.join(", ",
                            hit.stream().sorted().limit(5).toList()) + (hit.size() > 5 ? ", ..." : "")
                            + ") answered " + first, false);
            hit.forEach(id -> unreadable.putIfAbsent(id, "CloudWatch answered " + first.split(" ")[0]
                    + " for its metrics (see coverage)"));
        }
    }

    private static long resources(List<MetricQuery> chunk) {
        return chunk.stream().map(MetricQuery::resourceId).distinct().count();
    }
}
