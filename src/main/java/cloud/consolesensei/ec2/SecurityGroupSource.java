package cloud.consolesensei.ec2;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Security groups of one region, streamed from the DescribeSecurityGroups paginator, judged by
 * {@code ec2.security_group_admin_ports_open}; fills the "Security Groups" sheet.
 * IAM: ec2:DescribeSecurityGroups.
 */
public final class SecurityGroupSource extends AbstractResourceSource<SecurityGroup> {

    static final InventorySheet SHEET = new InventorySheet("Security Groups", List.of(
            Column.text("Group ID"), Column.text("Group name"), Column.text("VPC"), Column.text("Description"),
            Column.number("Inbound rules"), Column.number("Outbound rules"), Column.text("Admin ports open to the internet"),
            Column.text("Tags")));

    public SecurityGroupSource() {
        super("ec2.security-groups", Scope.REGIONAL, SHEET, List.of(new SecurityGroupAdminPortsOpenCheck()));
    }

    @Override
    public Stream<SecurityGroup> read(ReadContext ctx) {
        return ctx.stream("ec2", "DescribeSecurityGroups",
                () -> ctx.clients().ec2(ctx.account(), ctx.region()).describeSecurityGroupsPaginator(r -> { })
                        .securityGroups().stream());
    }

    @Override
    public InventoryRow inventoryRow(SecurityGroup g, CheckContext ctx) {
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), g.groupId(), Arrays.asList(
                g.groupId(), g.groupName(), g.vpcId(), g.description(), g.ipPermissions().size(),
                g.ipPermissionsEgress().size(), String.join("; ", SecurityGroupAdminPortsOpenCheck.openRules(g)),
                Tags.asText(g.tags())));
    }
}
