package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.checkContext;
import static cloud.consolesensei.iam.IamTestSupport.daysAgo;
import static cloud.consolesensei.iam.IamTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.iam.IamTestSupport.Row;

import java.util.List;

import org.junit.jupiter.api.Test;

class UserChecksTest {

    private final UserConsoleNoMfaCheck noMfa = new UserConsoleNoMfaCheck();
    private final UserInactiveCheck inactive = new UserInactiveCheck();
    private final UserTwoActiveKeysCheck twoKeys = new UserTwoActiveKeysCheck();

    @Test
    void consolePasswordWithoutMfaFires() {
        List<Finding> f = noMfa.evaluate(Row.user("alice").password("true", daysAgo(2), daysAgo(50)).mfa(false).build(),
                checkContext());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("iam.user_console_no_mfa");
            assertThat(x.resourceId()).isEqualTo("alice");
            assertThat(x.resourceType()).isEqualTo("IAM user");
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.detail()).contains("CIS AWS Foundations 1.10");
        });
    }

    @Test
    void noPasswordOrMfaOrRootDoesNotFireConsoleCheck() {
        assertThat(noMfa.evaluate(Row.user("api").mfa(false).build(), checkContext())).isEmpty();
        assertThat(noMfa.evaluate(Row.user("bob").password("true", daysAgo(1), daysAgo(9)).mfa(true).build(),
                checkContext())).isEmpty();
        assertThat(noMfa.evaluate(Row.root().mfa(false).build(), checkContext())).isEmpty();
    }

    @Test
    void passwordLastUsedExactly45DaysAgoFiresAnd44DoesNot() {
        assertThat(inactive.evaluate(Row.user("carol").password("true", daysAgo(45), daysAgo(300)).build(),
                checkContext())).singleElement().satisfies(x -> {
                    assertThat(x.resourceId()).isEqualTo("carol");
                    assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(x.detail()).contains("last used " + daysAgo(45)).contains("45 days unused (limit 45)")
                            .contains("CIS AWS Foundations 1.12");
                });
        assertThat(inactive.evaluate(Row.user("carol").password("true", daysAgo(44), daysAgo(300)).build(),
                checkContext())).isEmpty();
    }

    @Test
    void neverUsedPasswordCountsFromWhenItWasSet() {
        assertThat(inactive.evaluate(Row.user("dave").password("true", "no_information", daysAgo(45)).build(),
                checkContext())).singleElement().extracting(Finding::detail).asString()
                .contains("never used since it was set on " + daysAgo(45));
        assertThat(inactive.evaluate(Row.user("dave").password("true", "no_information", daysAgo(44)).build(),
                checkContext())).isEmpty();
    }

    @Test
    void neverUsedPasswordWithoutSetDateCountsFromUserCreation() {
        Row r = Row.user("erin").created(daysAgo(60)).password("true", "N/A", "N/A");
        assertThat(inactive.evaluate(r.build(), checkContext())).singleElement().extracting(Finding::detail)
                .asString().contains("the user was created on " + daysAgo(60));
        Row young = Row.user("erin").created(daysAgo(10)).password("true", "N/A", "N/A");
        assertThat(inactive.evaluate(young.build(), checkContext())).isEmpty();
    }

    @Test
    void noPasswordOrUnknownMarkersOrRootDoNotFireInactive() {
        assertThat(inactive.evaluate(Row.user("api").password("false", "N/A", "N/A").build(), checkContext())).isEmpty();
        assertThat(inactive.evaluate(Row.user("odd").password("true", "not_supported", daysAgo(400)).build(),
                checkContext())).isEmpty();
        assertThat(inactive.evaluate(Row.root().password("not_supported", daysAgo(400), "not_supported").build(),
                checkContext())).isEmpty();
    }

    @Test
    void inactiveThresholdIsConfigurable() {
        Row r = Row.user("carol").password("true", daysAgo(20), daysAgo(300));
        assertThat(inactive.evaluate(r.build(), checkContext(with("iam.user_inactive", "unused-days", 20)))).hasSize(1);
    }

    @Test
    void twoActiveKeysFireOnTheUser() {
        Row r = Row.user("frank").key(1, true, daysAgo(10), daysAgo(1)).key(2, true, daysAgo(5), "N/A")
                .keyId(1, "AKIAFRANK1").keyId(2, "AKIAFRANK2");
        assertThat(twoKeys.evaluate(r.build(), checkContext())).singleElement().satisfies(x -> {
            assertThat(x.resourceId()).isEqualTo("frank");
            assertThat(x.detail()).contains("AKIAFRANK1").contains("AKIAFRANK2").contains("CIS AWS Foundations 1.13");
        });
    }

    @Test
    void oneActiveKeyOrRootDoesNotFireTwoKeys() {
        assertThat(twoKeys.evaluate(Row.user("gina").key(1, true, daysAgo(10), daysAgo(1))
                .key(2, false, daysAgo(5), "N/A").build(), checkContext())).isEmpty();
        assertThat(twoKeys.evaluate(Row.root().key(1, true, daysAgo(10), "N/A").key(2, true, daysAgo(5), "N/A").build(),
                checkContext())).isEmpty();
    }
}
