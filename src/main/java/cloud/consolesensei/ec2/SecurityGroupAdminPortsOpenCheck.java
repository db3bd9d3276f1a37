package cloud.consolesensei.ec2;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * {@code ec2.security_group_admin_ports_open} (docs/checks.md, "Rules that hold"): an inbound rule of
 * protocol tcp, udp or all ({@code -1}; also their numbers 6 and 17) whose port range includes 22
 * (SSH) or 3389 (RDP), from 0.0.0.0/0 or ::/0. One finding per group listing each such rule.
 */
public final class SecurityGroupAdminPortsOpenCheck extends CatalogCheck<SecurityGroup> {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "-1", "6", "17");
    private static final int[] ADMIN_PORTS = {22, 3389};
    private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.security_group_admin_ports_open",
            "Security group opens SSH/RDP to the internet", Severity.HIGH, "ec2", "Security group",
            "security group allows inbound 22 or 3389 (or all ports) from 0.0.0.0/0 or ::/0. An inbound rule "
                    + "of protocol tcp, udp or all (-1) whose port range includes 22 or 3389, from 0.0.0.0/0 or ::/0.",
            "SSH and RDP open to the whole internet are scanned and brute-forced within minutes of exposure.",
            "Replace the rule with one limited to known addresses, or use AWS Systems Manager Session Manager / "
                    + "EC2 Instance Connect Endpoint instead. Console: VPC > Security groups > select > Inbound rules "
                    + "> Edit inbound rules > delete or narrow the 0.0.0.0/0 and ::/0 sources. CLI: aws ec2 "
                    + "revoke-security-group-ingress --group-id <id> --protocol tcp --port 22 --cidr 0.0.0.0/0",
            List.of("ec2:DescribeSecurityGroups"),
            List.of("CIS AWS Foundations 5.2 and 5.3", "AWS Foundational Security Best Practices EC2.13, EC2.14"),
            List.of());

    public SecurityGroupAdminPortsOpenCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(SecurityGroup g, CheckContext ctx) {
        List<String> open = openRules(g);
        if (open.isEmpty()) return List.of();
        return one(ctx, g.groupId(), "Security group " + g.groupId() + " (" + g.groupName() + ") allows from the internet: "
                        + String.join("; ", open) + ".");
    }

    /** Each offending inbound rule as {@code tcp 22 from 0.0.0.0/0} (empty when none). */
    static List<String> openRules(SecurityGroup g) {
        List<String> out = new ArrayList<>();
        for (IpPermission p : g.ipPermissions()) {
            String proto = p.ipProtocol();
            if (proto == null || !PROTOCOLS.contains(proto) || !coversAdminPort(p)) continue;
            String what = ("-1".equals(proto) ? "all traffic" : proto + " " + ports(p));
            for (IpRange r : p.ipRanges()) {
                if (ANYWHERE.contains(r.cidrIp())) out.add(what + " from " + r.cidrIp());
            }
            for (Ipv6Range r : p.ipv6Ranges()) {
                if (ANYWHERE.contains(r.cidrIpv6())) out.add(what + " from " + r.cidrIpv6());
            }
        }
        return out;
    }

    private static boolean coversAdminPort(IpPermission p) {
        // Protocol -1 means every port whatever FromPort/ToPort say; a missing bound is open-ended.
        if ("-1".equals(p.ipProtocol())) return true;
        int from = p.fromPort() == null || p.fromPort() < 0 ? 0 : p.fromPort();
        int to = p.toPort() == null || p.toPort() < 0 ? 65535 : p.toPort();
        for (int port : ADMIN_PORTS) {
            if (from <= port && port <= to) return true;
        }
        return false;
    }

    private static String ports(IpPermission p) {
        if (p.fromPort() == null || p.fromPort() < 0) return "all ports";
        return p.fromPort().equals(p.toPort()) ? "port " + p.fromPort() : "ports " + p.fromPort() + "-" + p.toPort();
    }
}
