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

import software.amazon.awssdk.services.ec2.model.Address;

/**
 * Elastic IP addresses of one region: DescribeAddresses (not paginated: one answer lists them
 * all), judged by {@code ec2.eip_unassociated}; fills the "Elastic IPs" sheet. IAM: ec2:DescribeAddresses.
 */
public final class AddressSource extends AbstractResourceSource<Address> {

    static final InventorySheet SHEET = new InventorySheet("Elastic IPs", List.of(
            Column.text("Allocation ID"), Column.text("Public IP"), Column.text("Name"), Column.text("Domain"),
            Column.text("Association ID"), Column.text("Instance ID"), Column.text("Network interface"),
            Column.text("Private IP"), Column.text("Tags")));

    public AddressSource() {
        super("ec2.addresses", Scope.REGIONAL, SHEET, List.of(new EipUnassociatedCheck()));
    }

    @Override
    public Stream<Address> read(ReadContext ctx) {
        return ctx.call("ec2", "DescribeAddresses",
                        () -> ctx.clients().ec2(ctx.account(), ctx.region()).describeAddresses(r -> { }).addresses())
                .stream().flatMap(List::stream);
    }

    @Override
    public InventoryRow inventoryRow(Address a, CheckContext ctx) {
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), resourceId(a), Arrays.asList(
                a.allocationId(), a.publicIp(), Tags.name(a.tags()), a.domainAsString(), a.associationId(),
                a.instanceId(), a.networkInterfaceId(), a.privateIpAddress(), Tags.asText(a.tags())));
    }

    /** The allocation id (docs/checks.md's resource id); the public IP for an address without one. */
    static String resourceId(Address a) {
        return a.allocationId() != null ? a.allocationId() : a.publicIp();
    }
}
