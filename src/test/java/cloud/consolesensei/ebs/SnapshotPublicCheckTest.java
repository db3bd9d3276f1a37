package cloud.consolesensei.ebs;

import static cloud.consolesensei.ebs.EbsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Severity;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SnapshotPublicCheckTest {

    private final SnapshotPublicCheck check = new SnapshotPublicCheck();

    @Test
    void restorableByAllIsCritical() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), null, null, Set.of("snap-1")), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(x.resourceId()).isEqualTo("snap-1");
                });
        assertThat(check.evaluate(own(snapshot("snap-2", "vol-1", 5), null, null, Set.of("snap-1")), US)).isEmpty();
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), null, null, null), US)).isEmpty();
    }

    @Test
    void blockAllSharingMakesItPrivateBlockNewSharingDoesNot() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), null, null, Set.of("snap-1"),
                "block-all-sharing"), US)).isEmpty();
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), null, null, Set.of("snap-1"),
                "block-new-sharing"), US)).singleElement().satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(x.detail()).contains("block-new-sharing");
                });
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), null, null, Set.of("snap-1"),
                "unblocked"), US)).singleElement().satisfies(x -> assertThat(x.detail()).contains("unblocked"));
    }

    @Test
    void unreadableBlockStateSaysNothing() {
        assertThat(check.evaluate(own(snapshot("snap-1", "vol-1", 5), null, null, Set.of("snap-1"), null), US))
                .isEmpty();
    }

    @Test
    void publiclyRestorableIsUnknownOnlyWhereAnInputIs() {
        OwnSnapshot.Facts f = new OwnSnapshot.Facts(null, null, Set.of("snap-1"), null);
        assertThat(f.publiclyRestorable("snap-1")).isNull();
        assertThat(f.publiclyRestorable("snap-2")).isFalse();
        assertThat(new OwnSnapshot.Facts(null, null, null, "unblocked").publiclyRestorable("snap-1")).isNull();
        assertThat(new OwnSnapshot.Facts(null, null, Set.of("snap-1"), "block-all-sharing").publiclyRestorable("snap-1"))
                .isFalse();
    }
}
