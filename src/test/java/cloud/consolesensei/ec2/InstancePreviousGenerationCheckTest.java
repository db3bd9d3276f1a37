package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2Fixtures.instance;
import static cloud.consolesensei.ec2.Ec2Fixtures.view;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstancePreviousGenerationCheckTest {

    private static final CheckContext US = ctx("us-east-1");
    private final InstancePreviousGenerationCheck check = new InstancePreviousGenerationCheck();

    @ParameterizedTest
    @ValueSource(strings = {"t2.micro", "m4.large", "c4.2xlarge", "r4.large", "x1.16xlarge", "m3.medium"})
    void supersededFamiliesFireLow(String type) {
        assertThat(check.evaluate(view(instance(type, "running")), US)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.detail()).contains(type);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"t3.micro", "m5.large", "m7g.large", "c6in.xlarge", "x1e.xlarge", "u-6tb1.metal", "zz9.large"})
    void currentOrUnknownToTheListFamiliesDoNotFire(String type) {
        assertThat(check.evaluate(view(instance(type, "stopped")), US)).isEmpty();
    }

    @Test
    void familiesAreConfigurable() {
        CheckContext c = ctx("us-east-1", "ec2.instance_previous_generation", "families", List.of("m5"));
        assertThat(check.evaluate(view(instance("m5.large", "running")), c)).hasSize(1);
        assertThat(check.evaluate(view(instance("t2.micro", "running")), c)).isEmpty();
    }

    @Test
    void unreadableTypeIsInfoWithTheRawValue() {
        assertThat(check.evaluate(view(instance("weird", "running")), US)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.detail()).contains("'weird'");
        });
        assertThat(check.evaluate(view(instance(null, "running")), US)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }
}
