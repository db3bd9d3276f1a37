package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2TestSupport.PRICES;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Severity;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.ec2.model.Address;

class EipUnassociatedCheckTest {

    private final EipUnassociatedCheck check = new EipUnassociatedCheck();
    private final Address idle = Address.builder().allocationId("eipalloc-0123456789abcdef0")
            .publicIp("3.3.3.3").domain("vpc").build();

    @Test
    void unassociatedCostsTheHourlyPriceTimes730() {
        assertThat(check.evaluate(idle, ctx("us-east-1"))).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("eipalloc-0123456789abcdef0");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.monthlyCostUsd()).isEqualByComparingTo("3.65");
            assertThat(f.detail()).contains("3.3.3.3").contains("x 730");
        });
    }

    @Test
    void associatedAddressesDoNotFire() {
        assertThat(check.evaluate(idle.toBuilder().associationId("eipassoc-1").instanceId("i-1").build(),
                ctx("us-east-1"))).isEmpty();
        assertThat(check.evaluate(idle.toBuilder().networkInterfaceId("eni-1").build(), ctx("us-east-1"))).isEmpty();
    }

    @Test
    void regionMissingFromThePriceTableLeavesCostEmptyAndSaysSo() {
        assertThat(check.evaluate(idle, ctx("me-central-1"))).singleElement().satisfies(f -> {
            assertThat(f.monthlyCostUsd()).isNull();
            assertThat(f.detail()).contains(PRICES.missing("me-central-1", "ec2.public-ipv4.hour"));
        });
    }
}
