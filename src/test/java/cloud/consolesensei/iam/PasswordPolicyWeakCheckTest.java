package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.ACCOUNT;
import static cloud.consolesensei.iam.IamTestSupport.checkContext;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.iam.model.PasswordPolicy;

class PasswordPolicyWeakCheckTest {

    private final PasswordPolicyWeakCheck check = new PasswordPolicyWeakCheck();

    private static AccountPasswordPolicy policy(Integer length, Integer reuse) {
        return new AccountPasswordPolicy(ACCOUNT, PasswordPolicy.builder().minimumPasswordLength(length)
                .passwordReusePrevention(reuse).build());
    }

    @Test
    void noPolicyFiresOnTheAccount() {
        assertThat(check.evaluate(new AccountPasswordPolicy(ACCOUNT, null), checkContext())).singleElement()
                .satisfies(x -> {
                    assertThat(x.checkId()).isEqualTo("iam.password_policy_weak");
                    assertThat(x.resourceId()).isEqualTo(ACCOUNT);
                    assertThat(x.resourceType()).isEqualTo("AWS account");
                    assertThat(x.detail()).contains("no password policy").contains("CIS AWS Foundations 1.8, 1.9");
                });
    }

    @Test
    void exactly14And24Passes() {
        assertThat(check.evaluate(policy(14, 24), checkContext())).isEmpty();
    }

    @Test
    void length13OrReuse23OrReuseAbsentFires() {
        assertThat(check.evaluate(policy(13, 24), checkContext())).singleElement().extracting(Finding::detail)
                .asString().contains("minimum password length 13 (below 14)").doesNotContain("reuse");
        assertThat(check.evaluate(policy(14, 23), checkContext())).singleElement().extracting(Finding::detail)
                .asString().contains("password reuse prevention 23 (below 24) (CIS AWS Foundations 1.9)");
        assertThat(check.evaluate(policy(16, null), checkContext())).singleElement().extracting(Finding::detail)
                .asString().contains("password reuse prevention not set");
    }

    @Test
    void thresholdsAreConfigurable() {
        assertThat(check.evaluate(policy(12, 5), checkContext(IamTestSupport.with(
                IamTestSupport.with("iam.password_policy_weak", "min-length", 12),
                "iam.password_policy_weak", "reuse-prevention", 5)))).isEmpty();
    }
}
