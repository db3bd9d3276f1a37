package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2Fixtures.instance;
import static cloud.consolesensei.ec2.Ec2Fixtures.tags;
import static cloud.consolesensei.ec2.Ec2Fixtures.view;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import org.junit.jupiter.api.Test;

class InstanceMissingTagsCheckTest {

    private static final CheckContext US = ctx("us-east-1");
    private final InstanceMissingTagsCheck check = new InstanceMissingTagsCheck();

    @Test
    void namesEveryMissingKey() {
        assertThat(check.evaluate(view(instance("m5.large", "running").tags(tags("Name", "x"))), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                    assertThat(f.detail()).contains("Owner, CostCenter");
                });
        assertThat(check.evaluate(view(instance("m5.large", "running").tags(tags("Owner", "x"))), US))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("CostCenter").doesNotContain("Owner,"));
    }

    @Test
    void allPresentPassesAndKeysAreCaseSensitive() {
        assertThat(check.evaluate(view(instance("m5.large", "running")
                .tags(tags("Owner", "", "CostCenter", "cc"))), US)).isEmpty();
        assertThat(check.evaluate(view(instance("m5.large", "running")
                .tags(tags("owner", "a", "CostCenter", "cc"))), US)).hasSize(1);
        assertThat(check.evaluate(view(instance("m5.large", "stopped").tags(List.of())), US)).hasSize(1);
    }

    @Test
    void requiredTagsAreConfigurable() {
        CheckContext c = ctx("us-east-1", "ec2.instance_missing_tags", "required-tags", List.of("App"));
        assertThat(check.evaluate(view(instance("m5.large", "running")), c)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("App"));
    }
}
