package cloud.consolesensei.ebs;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.usage.DailySeries;
import cloud.consolesensei.usage.MetricWindow;
import cloud.consolesensei.usage.VolumeMetrics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * {@code ebs.volume_idle}: a datapoint of both metrics on each of the 7 days before the as-of date
 * (2026-11-22 to 2026-11-28), every one 0. The first and last day are needed; a missing day, a single
 * operation or no data at all means no finding.
 */
class VolumeIdleCheckTest {

    private static final VolumeIdleCheck CHECK = new VolumeIdleCheck();
    private static final MetricWindow WINDOW = MetricWindow.before(AS_OF, 7);
    private final Map<LocalDate, Double> reads = new HashMap<>();
    private final Map<LocalDate, Double> writes = new HashMap<>();

    VolumeIdleCheckTest() {
        for (LocalDate d : WINDOW.dates()) {
            reads.put(d, 0.0);
            writes.put(d, 0.0);
        }
    }

    private List<Finding> evaluate(String state) {
        Volume v = Volume.builder().volumeId("vol-0123456789abcdef0").volumeType("gp3").size(100).iops(3000)
                .throughput(125).state(state).attachments(VolumeAttachment.builder().instanceId("i-0123456789abcdef0")
                        .volumeId("vol-0123456789abcdef0").state("attached").build()).build();
        VolumeMetrics m = new VolumeMetrics(WINDOW, new DailySeries(reads), new DailySeries(writes), false);
        return CHECK.evaluate(new VolumeView(v, m, null), ctx("us-east-1"));
    }

    @Test
    void noIoOnEveryOneOfTheSevenDaysFires() {
        assertThat(WINDOW.first()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(evaluate("in-use")).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("ebs.volume_idle");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            // 100 GiB gp3 in us-east-1 at the bundled 0.08 USD/GiB-month
            assertThat(f.monthlyCostUsd()).isEqualByComparingTo("8.00");
            assertThat(f.detail()).contains("attached to i-0123456789abcdef0 had no I/O on any of the last 7 days"
                    + " (2026-11-22 to 2026-11-28 UTC)");
        });
    }

    @Test
    void theFirstAndTheLastDayOfTheWindowMustHaveTheirDatapoints() {
        reads.remove(WINDOW.first());
        assertThat(evaluate("in-use")).isEmpty();
        reads.put(WINDOW.first(), 0.0);
        writes.remove(WINDOW.last());
        assertThat(evaluate("in-use")).isEmpty();
        writes.put(WINDOW.last(), 0.0);
        assertThat(evaluate("in-use")).hasSize(1);
    }

    @Test
    void oneOperationOnOneDayIsNotIdle() {
        writes.put(WINDOW.last(), 1.0);
        assertThat(evaluate("in-use")).isEmpty();
    }

    @Test
    void noDataAtAllAndVolumesNotInUseAreNotEvaluated() {
        assertThat(evaluate("available")).isEmpty();
        reads.clear();
        writes.clear();
        assertThat(evaluate("in-use")).isEmpty();
    }
}
