package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Demo fake of {@link CloudWatchClient}: answers GetMetricData for the demo estate's running
 * instances and attached volumes with one datapoint per UTC day, in two pages (the first with the
 * older half of each query's days, status PartialData and a NextToken; the second with the rest,
 * Complete), so the reader joins pages exactly as against AWS.
 * <p>
 * What it shows: in demo-production us-east-1 an idle Linux instance (every day), an idle Windows
 * instance (9 of 14 days), an idle Spot instance, a busy web server, a bastion with low CPU but
 * steady traffic (not idle), an instance launched too recently to have any datapoint, an idle
 * attached volume, a busy one and one without datapoints; busy instances and volumes elsewhere.
 */
final class DemoCloudWatch {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends CloudWatchClient, DemoClient {
    }

    private static final String NEXT = "demo-page-2";

    /** A resource's daily figures: CPU %, network bytes a day (in + out), read and write ops a day. */
    private record Profile(double cpu, double networkBytes, double readOps, double writeOps, boolean busyEveryThirdDay) {
        static Profile instance(double cpu, double networkBytes) {
            return new Profile(cpu, networkBytes, 0, 0, false);
        }

        static Profile volume(double reads, double writes) {
            return new Profile(0, 0, reads, writes, false);
        }
    }

    private static final Profile BUSY = Profile.instance(38.5, 2.4e9);
    private static final Map<String, Profile> PROFILES = Map.ofEntries(
            Map.entry("i-0a1b2c3d4e5f60001", BUSY),
            Map.entry("i-0a1b2c3d4e5f60002", Profile.instance(2.1, 5.2e7)),
            Map.entry("i-0a1b2c3d4e5f60006", Profile.instance(1.2, 8.0e5)),
            Map.entry("i-0a1b2c3d4e5f60007", new Profile(2.6, 1.5e6, 0, 0, true)),
            Map.entry("i-0a1b2c3d4e5f60008", Profile.instance(0.4, 2.0e5)),
            Map.entry("i-0b1b2c3d4e5f60001", BUSY),
            Map.entry("i-0b1b2c3d4e5f60002", BUSY),
            Map.entry("i-0c1b2c3d4e5f60001", Profile.instance(22.0, 9.0e8)),
            Map.entry("i-0d1b2c3d4e5f60001", Profile.instance(14.0, 3.1e9)),
            Map.entry("vol-0a1b2c3d4e5f60001", Profile.volume(12_400, 31_800)),
            Map.entry("vol-0a1b2c3d4e5f60002", Profile.volume(310, 2_200)),
            Map.entry("vol-0a1b2c3d4e5f6000a", Profile.volume(0, 0)),
            Map.entry("vol-0a1b2c3d4e5f6000b", Profile.volume(3, 0)),
            Map.entry("vol-0a1b2c3d4e5f6000c", Profile.volume(40, 9_000)),
            Map.entry("vol-0b1b2c3d4e5f60001", Profile.volume(8_000, 21_000)),
            Map.entry("vol-0b1b2c3d4e5f60003", Profile.volume(7_500, 19_000)),
            Map.entry("vol-0c1b2c3d4e5f60001", Profile.volume(2_000, 6_000)),
            Map.entry("vol-0d1b2c3d4e5f60001", Profile.volume(900, 4_000)));

    private DemoCloudWatch() {
    }

    /** A client answering for the demo resources (ids are unique across the demo estate). */
    static CloudWatchClient client(AccountTarget account, String region, LocalDate asOf) {
        return new Fake() {
            @Override
            public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
                boolean second = NEXT.equals(r.nextToken());
                List<MetricDataResult> results = new ArrayList<>();
                LocalDate from = r.startTime().atZone(ZoneOffset.UTC).toLocalDate();
                LocalDate to = r.endTime().atZone(ZoneOffset.UTC).toLocalDate();
                LocalDate middle = from.plusDays((to.toEpochDay() - from.toEpochDay()) / 2);
                for (MetricDataQuery q : r.metricDataQueries()) {
                    String id = q.metricStat().metric().dimensions().stream().findFirst().map(Dimension::value).orElse("");
                    Profile p = PROFILES.get(id);
                    List<Instant> ts = new ArrayList<>();
                    List<Double> values = new ArrayList<>();
                    if (p != null) {
                        for (LocalDate d = second ? middle : from; d.isBefore(second ? to : middle); d = d.plusDays(1)) {
                            ts.add(d.atStartOfDay(ZoneOffset.UTC).toInstant());
                            values.add(value(p, q.metricStat().metric().metricName(), d));
                        }
                    }
                    results.add(MetricDataResult.builder().id(q.id()).label(q.metricStat().metric().metricName())
                            .timestamps(ts).values(values)
                            .statusCode(second ? StatusCode.COMPLETE : StatusCode.PARTIAL_DATA).build());
                }
                return GetMetricDataResponse.builder().metricDataResults(results).nextToken(second ? null : NEXT).build();
            }
        };
    }

    private static double value(Profile p, String metric, LocalDate day) {
        // a profile busy every third day (epoch day) works hard then: 9 or 10 idle days out of 14
        double load = p.busyEveryThirdDay() && day.toEpochDay() % 3 == 0 ? 20 : 1;
        return switch (metric) {
            case "CPUUtilization" -> Math.min(100, p.cpu() * load);
            case "NetworkIn" -> p.networkBytes() * load * 0.4;
            case "NetworkOut" -> p.networkBytes() * load * 0.6;
            case "VolumeReadOps" -> p.readOps();
            case "VolumeWriteOps" -> p.writeOps();
            default -> 0;
        };
    }
}
