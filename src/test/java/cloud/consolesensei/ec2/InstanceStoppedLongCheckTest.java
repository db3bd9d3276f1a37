package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2Fixtures.ID;
import static cloud.consolesensei.ec2.Ec2Fixtures.instance;
import static cloud.consolesensei.ec2.Ec2Fixtures.stopped;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.ec2.model.Volume;

class InstanceStoppedLongCheckTest {

    private static final CheckContext US = ctx("us-east-1"); // as-of 2026-11-29
    private final InstanceStoppedLongCheck check = new InstanceStoppedLongCheck();
    private static final List<Volume> VOLUMES = List.of(
            Volume.builder().volumeId("vol-1").volumeType("gp2").size(100).build(),       // 10.00
            Volume.builder().volumeId("vol-2").volumeType("gp3").size(50).iops(3000).throughput(125).build()); // 4.00

    @Test
    void stoppedThirtyDaysFiresLowWithAttachedVolumesCost() {
        assertThat(check.evaluate(stopped("User initiated (2026-10-30 10:20:30 GMT)", VOLUMES), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.checkId()).isEqualTo("ec2.instance_stopped_long");
                    assertThat(f.resourceId()).isEqualTo(ID);
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                    assertThat(f.monthlyCostUsd()).isEqualByComparingTo("14.00");
                    assertThat(f.detail()).contains("since 2026-10-30").contains("30 days").contains("14.00 USD/month");
                });
    }

    @Test
    void stoppedTwentyNineDaysDoesNotFire() {
        assertThat(check.evaluate(stopped("User initiated (2026-10-31 23:59:59 GMT)", VOLUMES), US)).isEmpty();
    }

    @Test
    void noDateIsInfoSinceUnknownWithTheRawReason() {
        assertThat(check.evaluate(stopped("", VOLUMES), US)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.detail()).contains("since unknown").contains("''");
        });
        assertThat(check.evaluate(stopped("Server.InternalError (maintenance)", List.of()), US)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.detail()).contains("since unknown").contains("'Server.InternalError (maintenance)'");
                    assertThat(f.monthlyCostUsd()).isEqualByComparingTo("0.00");
                });
    }

    @Test
    void unparseableDateIsInfo() {
        assertThat(check.evaluate(stopped("User initiated (2023-13-45 99:99:99 GMT)", VOLUMES), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.detail()).contains("2023-13-45 99:99:99");
                });
    }

    @Test
    void unreadableVolumesLeaveTheCostEmptyAndSaySo() {
        assertThat(check.evaluate(stopped("User initiated (2025-01-15 10:20:30 GMT)", null), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.monthlyCostUsd()).isNull();
                    assertThat(f.detail()).contains("could not be read");
                });
    }

    @Test
    void notStoppedDoesNotFire() {
        assertThat(check.evaluate(new InstanceView(instance("m5.large", "running")
                .stateTransitionReason("User initiated (2020-01-15 10:20:30 GMT)").build(), null), US)).isEmpty();
        assertThat(check.evaluate(new InstanceView(instance("m5.large", "stopping").build(), null), US)).isEmpty();
    }

    @Test
    void thresholdIsConfigurable() {
        CheckContext c = ctx("us-east-1", "ec2.instance_stopped_long", "min-stopped-days", 7);
        assertThat(check.evaluate(stopped("User initiated (2026-11-22 00:00:00 GMT)", VOLUMES), c)).hasSize(1);
    }
}
