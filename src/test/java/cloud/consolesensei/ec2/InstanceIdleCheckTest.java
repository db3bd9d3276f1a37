package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2Fixtures.instance;
import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.price.OnDemandPrice;
import cloud.consolesensei.usage.DailySeries;
import cloud.consolesensei.usage.InstanceMetrics;
import cloud.consolesensei.usage.MetricWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * {@code ec2.instance_idle} at every number of its rule (checks.md, "Usage"): 10 % CPU and
 * 5,000,000 bytes are idle, a hair above is not; 4 of 14 days fire, 3 do not; the window's first
 * and last days count, the days around it do not; a missing datapoint is not zero.
 * As-of 2026-11-29: the window is 2026-11-15 to 2026-11-28.
 */
class InstanceIdleCheckTest {

    private static final InstanceIdleCheck CHECK = new InstanceIdleCheck();
    private static final MetricWindow WINDOW = MetricWindow.before(AS_OF, 14);
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 15);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 28);
    private static final OnDemandPrice PRICE = new OnDemandPrice(new BigDecimal("0.0832"), "SKU1", null);

    /** Daily figures being built: every day of the window busy unless set. */
    private final Map<LocalDate, Double> cpu = new HashMap<>();
    private final Map<LocalDate, Double> in = new HashMap<>();
    private final Map<LocalDate, Double> out = new HashMap<>();

    InstanceIdleCheckTest() {
        for (LocalDate d : WINDOW.dates()) day(d, 55.0, 4e8, 4e8);
    }

    private void day(LocalDate d, Double cpuPercent, Double bytesIn, Double bytesOut) {
        put(cpu, d, cpuPercent);
        put(in, d, bytesIn);
        put(out, d, bytesOut);
    }

    private static void put(Map<LocalDate, Double> m, LocalDate d, Double v) {
        if (v == null) m.remove(d);
        else m.put(d, v);
    }

    private InstanceMetrics metrics() {
        return new InstanceMetrics(WINDOW, new DailySeries(cpu), new DailySeries(in), new DailySeries(out), false);
    }

    private List<Finding> evaluate(Instance i, OnDemandPrice price) {
        return CHECK.evaluate(new InstanceView(i, null, metrics(), null, price), ctx("us-east-1"));
    }

    private List<Finding> evaluate() {
        return evaluate(instance("t3.large", "running").platformDetails("Linux/UNIX").build(), PRICE);
    }

    private void idleOn(int... offsets) {
        for (int o : offsets) day(FIRST.plusDays(o), 2.0, 1e6, 1e6);
    }

    @Test
    void tenPercentCpuIsIdleAHairAboveIsNot() {
        idleOn(1, 2, 3);
        day(FIRST.plusDays(4), 10.0, 1e6, 1e6);
        assertThat(evaluate()).hasSize(1);
        day(FIRST.plusDays(4), 10.000001, 1e6, 1e6);
        assertThat(evaluate()).isEmpty();
    }

    @Test
    void fiveMillionBytesInAndOutIsIdleOneByteMoreIsNot() {
        idleOn(1, 2, 3);
        day(FIRST.plusDays(4), 3.0, 1_999_999.0, 3_000_001.0);
        assertThat(evaluate()).hasSize(1);
        day(FIRST.plusDays(4), 3.0, 2_000_000.0, 3_000_001.0);
        assertThat(evaluate()).isEmpty();
    }

    @Test
    void fourIdleDaysOfFourteenFireThreeDoNot() {
        idleOn(0, 5, 9);
        assertThat(evaluate()).isEmpty();
        idleOn(12);
        Finding f = evaluate().get(0);
        assertThat(f.checkId()).isEqualTo("ec2.instance_idle");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.resourceId()).isEqualTo(Ec2Fixtures.ID);
        // 0.0832 USD/hour x 730
        assertThat(f.monthlyCostUsd()).isEqualByComparingTo("60.74");
        assertThat(f.detail()).contains("idle on 4 of the last 14 days (2026-11-15 to 2026-11-28 UTC): CPU 2.0 % average,"
                + " network 2.0 MB/day").contains("Costs 60.74 USD/month on demand (0.0832 USD/hour x 730, AWS Price List)");
    }

    @Test
    void theWindowsFirstAndLastDaysCountTheDaysAroundItDoNot() {
        idleOn(0, 13, 6);
        cpu.put(FIRST.minusDays(1), 1.0);
        in.put(FIRST.minusDays(1), 1.0);
        out.put(FIRST.minusDays(1), 1.0);
        cpu.put(AS_OF, 1.0);
        in.put(AS_OF, 1.0);
        out.put(AS_OF, 1.0);
        assertThat(evaluate()).isEmpty();
        idleOn(7);
        assertThat(evaluate()).singleElement().satisfies(f -> assertThat(f.detail()).contains("idle on 4 of the last 14 days"));
        assertThat(WINDOW.first()).isEqualTo(FIRST);
        assertThat(WINDOW.last()).isEqualTo(LAST);
        assertThat(WINDOW.dayOf(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())).isEqualTo(FIRST);
        assertThat(WINDOW.dayOf(AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant())).isNull();
        assertThat(WINDOW.dayOf(FIRST.atStartOfDay(ZoneOffset.UTC).minusSeconds(1).toInstant())).isNull();
    }

    @Test
    void aMissingDatapointIsNotZero() {
        idleOn(0, 1, 2, 3);
        day(FIRST.plusDays(3), 2.0, 1e6, null);
        assertThat(evaluate()).isEmpty();
        day(FIRST.plusDays(3), null, 1e6, 1e6);
        assertThat(evaluate()).isEmpty();
        for (LocalDate d : WINDOW.dates()) day(d, null, null, null);
        assertThat(metrics().noData()).isTrue();
        assertThat(evaluate()).isEmpty();
    }

    @Test
    void settingsMoveTheThresholds() {
        idleOn(0, 1, 2);
        CheckContext three = ctx("us-east-1", "ec2.instance_idle", InstanceIdleCheck.MIN_IDLE_DAYS, 3);
        assertThat(CHECK.evaluate(new InstanceView(instance("t3.large", "running").build(), null, metrics(), null, PRICE), three))
                .hasSize(1);
        CheckContext strict = ctx("us-east-1", "ec2.instance_idle", InstanceIdleCheck.MAX_CPU, new BigDecimal("1.5"));
        idleOn(3);
        assertThat(CHECK.evaluate(new InstanceView(instance("t3.large", "running").build(), null, metrics(), null, PRICE), strict))
                .isEmpty();
    }

    @Test
    void spotCapacityBlockAndOutpostInstancesAreJudgedButTheirCostStaysEmptyWithTheReason() {
        idleOn(0, 1, 2, 3);
        assertThat(evaluate(instance("c6i.large", "running").instanceLifecycle("spot").build(), PRICE))
                .singleElement().satisfies(f -> {
                    assertThat(f.monthlyCostUsd()).isNull();
                    assertThat(f.detail()).contains("Spot instance: the on-demand price is not what it costs");
                });
        assertThat(evaluate(instance("p5.48xlarge", "running").instanceLifecycle("capacity-block").build(), PRICE))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("Capacity Block"));
        assertThat(evaluate(instance("m5.large", "running")
                .outpostArn("arn:aws:outposts:us-east-1:123456789012:outpost/op-0abcdef1234567890").build(), PRICE))
                .singleElement().satisfies(f -> {
                    assertThat(f.monthlyCostUsd()).isNull();
                    assertThat(f.detail()).contains("Outpost");
                });
    }

    @Test
    void aPriceThatCouldNotBeFoundLeavesTheCostEmptyAndSaysWhy() {
        idleOn(0, 1, 2, 3);
        assertThat(evaluate(instance("m5.large", "running").build(), OnDemandPrice.unknown("no on-demand m5.large price")))
                .singleElement().satisfies(f -> {
                    assertThat(f.monthlyCostUsd()).isNull();
                    assertThat(f.detail()).contains("No monthly cost: no on-demand m5.large price.");
                });
    }

    @Test
    void onlyRunningInstancesWithMetricsAreJudged() {
        idleOn(0, 1, 2, 3);
        assertThat(CHECK.evaluate(new InstanceView(instance("m5.large", "stopped").build(), null, metrics(), null, PRICE),
                ctx("us-east-1"))).isEmpty();
        assertThat(CHECK.evaluate(new InstanceView(instance("m5.large", "running").build(), null, null,
                "CloudWatch GetMetricData failed", PRICE), ctx("us-east-1"))).isEmpty();
    }

    @Test
    void thePriceListKeyFollowsPlatformDetailsAndTenancy() {
        Instance.Builder i = instance("m5.large", "running").placement(p -> p.tenancy("default"));
        assertThat(InstancePricing.of(i.platformDetails("Linux/UNIX").build(), "eu-west-1", AS_OF).key().toString())
                .isEqualTo("m5.large Linux Shared in eu-west-1");
        assertThat(InstancePricing.of(i.platformDetails("Windows").build(), "eu-west-1", AS_OF).key().operatingSystem())
                .isEqualTo("Windows");
        assertThat(InstancePricing.of(i.platformDetails("Red Hat Enterprise Linux").build(), "eu-west-1", AS_OF).key()
                .operatingSystem()).isEqualTo("RHEL");
        assertThat(InstancePricing.of(i.platformDetails("SUSE Linux").build(), "eu-west-1", AS_OF).key().operatingSystem())
                .isEqualTo("SUSE");
        assertThat(InstancePricing.of(i.platformDetails("Windows with SQL Server Standard").build(), "eu-west-1", AS_OF)
                .reason()).contains("'Windows with SQL Server Standard' is not one this version prices");
        assertThat(InstancePricing.of(i.platformDetails("Linux/UNIX").placement(p -> p.tenancy("dedicated")).build(),
                "eu-west-1", AS_OF).key().tenancy()).isEqualTo("Dedicated");
        assertThat(InstancePricing.of(i.platformDetails("Linux/UNIX").placement(p -> p.tenancy("host")).build(),
                "eu-west-1", AS_OF).reason()).contains("tenancy 'host'");
    }
}
