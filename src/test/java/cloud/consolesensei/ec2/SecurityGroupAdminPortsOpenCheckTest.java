package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class SecurityGroupAdminPortsOpenCheckTest {

    private final SecurityGroupAdminPortsOpenCheck check = new SecurityGroupAdminPortsOpenCheck();

    private static IpPermission rule(String proto, Integer from, Integer to, String v4, String v6) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(proto).fromPort(from).toPort(to);
        if (v4 != null) b.ipRanges(IpRange.builder().cidrIp(v4).build());
        if (v6 != null) b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(v6).build());
        return b.build();
    }

    private List<Finding> eval(IpPermission... rules) {
        SecurityGroup g = SecurityGroup.builder().groupId("sg-0123456789abcdef0").groupName("g")
                .ipPermissions(rules).build();
        return check.evaluate(g, ctx("us-east-1"));
    }

    @Test
    void sshOrRdpFromAnywhereFiresHigh() {
        assertThat(eval(rule("tcp", 22, 22, "0.0.0.0/0", null))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.resourceId()).isEqualTo("sg-0123456789abcdef0");
            assertThat(f.detail()).contains("tcp port 22 from 0.0.0.0/0");
        });
        assertThat(eval(rule("tcp", 3389, 3389, null, "::/0"))).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("tcp port 3389 from ::/0"));
        assertThat(eval(rule("udp", 3389, 3389, "0.0.0.0/0", null))).hasSize(1);
    }

    @Test
    void rangesIncludingAnAdminPortFire() {
        assertThat(eval(rule("tcp", 0, 65535, null, "::/0"))).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("ports 0-65535 from ::/0"));
        assertThat(eval(rule("tcp", 20, 22, "0.0.0.0/0", null))).hasSize(1);
        assertThat(eval(rule("tcp", 3380, 3390, "0.0.0.0/0", null))).hasSize(1);
        assertThat(eval(rule("6", 22, 22, "0.0.0.0/0", null))).hasSize(1);
    }

    @Test
    void allProtocolsFireWhateverThePorts() {
        assertThat(eval(rule("-1", null, null, "0.0.0.0/0", "::/0"))).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("all traffic from 0.0.0.0/0")
                        .contains("all traffic from ::/0"));
        assertThat(eval(rule("-1", -1, -1, null, "::/0"))).hasSize(1);
    }

    @Test
    void rangesMissingTheAdminPortsDoNotFire() {
        assertThat(eval(rule("tcp", 20, 21, "0.0.0.0/0", null), rule("tcp", 23, 3388, "0.0.0.0/0", null),
                rule("tcp", 3390, 65535, "::/0", null), rule("tcp", 443, 443, "0.0.0.0/0", "::/0"))).isEmpty();
    }

    @Test
    void narrowSourcesOtherProtocolsAndGroupReferencesDoNotFire() {
        assertThat(eval(rule("tcp", 22, 22, "10.0.0.0/8", "2001:db8::/32"), rule("tcp", 22, 22, "0.0.0.0/1", null),
                rule("icmp", -1, -1, "0.0.0.0/0", null), rule("58", -1, -1, null, "::/0"),
                IpPermission.builder().ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId("sg-1").build()).build())).isEmpty();
    }
}
