package cloud.consolesensei.ebs;

import static cloud.consolesensei.ebs.EbsFixtures.*;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SnapshotOldCheckTest {

    private final SnapshotOldCheck check = new SnapshotOldCheck();

    @Test
    void olderThan90DaysFiresWithAnUpperBoundCost() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 91), Set.of(), Set.of(), Set.of()), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.checkId()).isEqualTo("ebs.snapshot_old");
                    assertThat(x.resourceId()).isEqualTo("snap-1");
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("10.00");
                    assertThat(x.detail()).contains("91 days").contains("upper bound").contains("incremental");
                });
    }

    @Test
    void exactly90DaysDoesNotFire() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 90), null, null, null), US)).isEmpty();
    }

    @Test
    void thresholdIsConfigurable() {
        CheckContext c = ctx("us-east-1", "ebs.snapshot_old", "max-age-days", 30);
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 31), null, null, null), c)).hasSize(1);
    }
}
