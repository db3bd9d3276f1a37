package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.ACCOUNT;
import static cloud.consolesensei.iam.IamTestSupport.checkContext;
import static cloud.consolesensei.iam.IamTestSupport.daysAgo;
import static cloud.consolesensei.iam.IamTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.iam.IamTestSupport.Row;

import java.util.List;

import org.junit.jupiter.api.Test;

class RootChecksTest {

    private static final String ROOT_ARN = "arn:aws:iam::" + ACCOUNT + ":root";

    @Test
    void rootWithoutMfaFiresWithTheRootArn() {
        List<Finding> f = new RootMfaDisabledCheck().evaluate(Row.root().mfa(false).build(), checkContext());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("iam.root_mfa_disabled");
            assertThat(x.resourceId()).isEqualTo(ROOT_ARN);
            assertThat(x.region()).isEqualTo("global");
            assertThat(x.service()).isEqualTo("iam");
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.detail()).contains("CIS AWS Foundations 1.5");
        });
    }

    @Test
    void rootWithMfaAndUsersWithoutMfaDoNotFireTheRootCheck() {
        assertThat(new RootMfaDisabledCheck().evaluate(Row.root().mfa(true).build(), checkContext())).isEmpty();
        assertThat(new RootMfaDisabledCheck().evaluate(Row.user("alice").mfa(false).build(), checkContext())).isEmpty();
    }

    @Test
    void rootActiveKeyInEitherSlotFires() {
        Row r = Row.root().mfa(true).key(2, true, daysAgo(400), "N/A");
        List<Finding> f = new RootAccessKeyActiveCheck().evaluate(r.build(), checkContext());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.resourceId()).isEqualTo(ROOT_ARN);
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.detail()).contains("1 active access key(s): access key 2").contains("CIS AWS Foundations 1.4");
        });
    }

    @Test
    void rootInactiveKeysAndUserKeysDoNotFire() {
        Row inactive = Row.root().key(1, false, daysAgo(400), daysAgo(300));
        assertThat(new RootAccessKeyActiveCheck().evaluate(inactive.build(), checkContext())).isEmpty();
        Row user = Row.user("bob").key(1, true, daysAgo(10), daysAgo(1));
        assertThat(new RootAccessKeyActiveCheck().evaluate(user.build(), checkContext())).isEmpty();
    }

    @Test
    void rootPasswordUsedExactly30DaysAgoFiresAnd31DoesNot() {
        RootUsedRecentlyCheck c = new RootUsedRecentlyCheck();
        List<Finding> f = c.evaluate(Row.root().password("not_supported", daysAgo(30), "not_supported").build(),
                checkContext());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.resourceId()).isEqualTo(ROOT_ARN);
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.detail()).contains("password last used " + daysAgo(30) + " (30 days before 2026-11-29)")
                    .contains("CIS AWS Foundations 1.7");
        });
        assertThat(c.evaluate(Row.root().password("not_supported", daysAgo(31), "not_supported").build(),
                checkContext())).isEmpty();
    }

    @Test
    void rootKeyUsedRecentlyFiresEvenWhenTheKeyIsNowInactive() {
        Row r = Row.root().key(2, false, daysAgo(500), daysAgo(3));
        assertThat(new RootUsedRecentlyCheck().evaluate(r.build(), checkContext()))
                .singleElement().extracting(Finding::detail).asString().contains("access key 2 last used");
    }

    @Test
    void rootNeverUsedMarkersDoNotFire() {
        assertThat(new RootUsedRecentlyCheck().evaluate(
                Row.root().password("not_supported", "no_information", "not_supported").build(), checkContext())).isEmpty();
        assertThat(new RootUsedRecentlyCheck().evaluate(
                Row.root().password("not_supported", "N/A", "not_supported").build(), checkContext())).isEmpty();
    }

    @Test
    void withinDaysIsConfigurable() {
        Row r = Row.root().password("not_supported", daysAgo(20), "not_supported");
        assertThat(new RootUsedRecentlyCheck().evaluate(r.build(),
                checkContext(with("iam.root_used_recently", "within-days", 10)))).isEmpty();
    }

    @Test
    void userRowsDoNotFireRootUse() {
        Row r = Row.user("alice").password("true", daysAgo(1), daysAgo(100)).mfa(true);
        assertThat(new RootUsedRecentlyCheck().evaluate(r.build(), checkContext())).isEmpty();
    }
}
