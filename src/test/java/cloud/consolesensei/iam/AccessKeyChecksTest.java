package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.checkContext;
import static cloud.consolesensei.iam.IamTestSupport.daysAgo;
import static cloud.consolesensei.iam.IamTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.iam.IamTestSupport.Row;

import org.junit.jupiter.api.Test;

class AccessKeyChecksTest {

    private final AccessKeyNotRotatedCheck rotation = new AccessKeyNotRotatedCheck();
    private final AccessKeyUnusedCheck unused = new AccessKeyUnusedCheck();

    @Test
    void keyExactly90DaysOldPassesAnd91Fires() {
        assertThat(rotation.evaluate(Row.user("a").key(1, true, daysAgo(90), daysAgo(1)).keyId(1, "AKIAA1").build(),
                checkContext())).isEmpty();
        assertThat(rotation.evaluate(Row.user("a").key(1, true, daysAgo(91), daysAgo(1)).keyId(1, "AKIAA1").build(),
                checkContext())).singleElement().satisfies(x -> {
                    assertThat(x.checkId()).isEqualTo("iam.access_key_not_rotated");
                    assertThat(x.resourceId()).isEqualTo("AKIAA1");
                    assertThat(x.resourceType()).isEqualTo("IAM access key");
                    assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(x.detail()).contains("91 days old (more than 90)").contains("CIS AWS Foundations 1.14");
                });
    }

    @Test
    void inactiveOrRootKeysAreNotJudgedForRotation() {
        assertThat(rotation.evaluate(Row.user("a").key(1, false, daysAgo(500), "N/A").build(), checkContext())).isEmpty();
        assertThat(rotation.evaluate(Row.root().key(1, true, daysAgo(500), "N/A").build(), checkContext())).isEmpty();
    }

    @Test
    void rotationAgeIsConfigurableAndEachKeyIsItsOwnFinding() {
        Row r = Row.user("b").key(1, true, daysAgo(40), daysAgo(1)).key(2, true, daysAgo(35), daysAgo(1))
                .keyId(1, "AKIAB1").keyId(2, "AKIAB2");
        assertThat(rotation.evaluate(r.build(), checkContext(with("iam.access_key_not_rotated", "max-age-days", 30))))
                .extracting(Finding::resourceId).containsExactly("AKIAB1", "AKIAB2");
    }

    @Test
    void keyLastUsedExactly45DaysAgoFiresAnd44DoesNot() {
        assertThat(unused.evaluate(Row.user("c").key(1, true, daysAgo(100), daysAgo(45)).keyId(1, "AKIAC1").build(),
                checkContext())).singleElement().satisfies(x -> {
                    assertThat(x.resourceId()).isEqualTo("AKIAC1");
                    assertThat(x.detail()).contains("last used " + daysAgo(45)).contains("45 days unused (limit 45)")
                            .contains("CIS AWS Foundations 1.12");
                });
        assertThat(unused.evaluate(Row.user("c").key(1, true, daysAgo(100), daysAgo(44)).build(), checkContext()))
                .isEmpty();
    }

    @Test
    void neverUsedKeyCountsFromItsCreation() {
        assertThat(unused.evaluate(Row.user("d").key(2, true, daysAgo(45), "N/A").keyId(2, "AKIAD2").build(),
                checkContext())).singleElement().satisfies(x -> {
                    assertThat(x.resourceId()).isEqualTo("AKIAD2");
                    assertThat(x.detail()).contains("never used since its creation on " + daysAgo(45));
                });
        assertThat(unused.evaluate(Row.user("d").key(2, true, daysAgo(44), "N/A").build(), checkContext())).isEmpty();
    }

    @Test
    void neverUsedKeyWithoutCreationDateCountsFromTheUser() {
        Row r = Row.user("e").created(daysAgo(50)).key(1, true, "not_supported", "N/A").keyId(1, "AKIAE1");
        assertThat(unused.evaluate(r.build(), checkContext())).singleElement().extracting(Finding::detail)
                .asString().contains("the user was created on " + daysAgo(50));
    }

    @Test
    void keyWithoutKnownIdKeepsItsFindingUnderAStandInId() {
        assertThat(unused.evaluate(Row.user("f").key(1, true, daysAgo(300), "N/A").build(), checkContext()))
                .singleElement().satisfies(x -> {
                    assertThat(x.resourceId()).isEqualTo("f/access_key_1");
                    assertThat(x.detail()).contains("access key 1 (id unknown)");
                });
    }

    @Test
    void inactiveAndRootKeysAreNotJudgedForUse() {
        assertThat(unused.evaluate(Row.user("g").key(1, false, daysAgo(300), "N/A").build(), checkContext())).isEmpty();
        assertThat(unused.evaluate(Row.root().key(1, true, daysAgo(300), "N/A").build(), checkContext())).isEmpty();
    }
}
