package cloud.consolesensei.ebs;

import static cloud.consolesensei.ebs.EbsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Severity;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SnapshotOrphanedCheckTest {

    private final SnapshotOrphanedCheck check = new SnapshotOrphanedCheck();

    @Test
    void volumeGoneAndNoAmiFires() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-gone", 5), Set.of("vol-other"), Set.of("snap-9"),
                Set.of()), US)).singleElement().satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.LOW);
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("10.00");
                    assertThat(x.detail()).contains("vol-gone").contains("upper bound");
                });
    }

    @Test
    void volumeGoneButUsedByOwnAmiIsNotOrphaned() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-gone", 5), Set.of(), Set.of("snap-1"), Set.of()),
                US)).isEmpty();
    }

    @Test
    void volumeStillThereIsNotOrphaned() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), Set.of("vol-1"), Set.of(), Set.of()), US))
                .isEmpty();
    }

    @Test
    void copiesAndImportsAreNeverOrphaned() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-ffffffff", 400), Set.of("vol-1"), Set.of(), Set.of()),
                US)).isEmpty();
        assertThat(check.evaluate(own(snapshot("snap-1", null, 400), Set.of("vol-1"), Set.of(), Set.of()), US))
                .isEmpty();
    }

    @Test
    void unreadableVolumesOrImagesMeanNotEvaluated() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-gone", 5), null, Set.of(), Set.of()), US)).isEmpty();
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-gone", 5), Set.of(), null, Set.of()), US)).isEmpty();
    }
}
