package cloud.consolesensei.ec2;

import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.ebs.VolumePricing;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.price.PriceTable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.ec2.model.Address;

/**
 * {@code ec2.eip_unassociated}: an Elastic IP with no association (no AssociationId, instance or
 * network interface). Cost: the public IPv4 address-hour price x 730 hours (Amazon VPC pricing:
 * every public IPv4 address, idle Elastic IPs included, is billed per hour).
 */
public final class EipUnassociatedCheck extends CatalogCheck<Address> {

    /** Hours in the average month, as AWS's pricing pages count them. */
    static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.eip_unassociated",
            "Unassociated Elastic IP", Severity.LOW, "ec2", "Elastic IP address",
            "Elastic IP with no association.",
            "public IPv4 hourly price x 730",
            "An Elastic IP that is not associated is billed every hour and often a leftover.",
            "Console: EC2 > Network & Security > Elastic IPs, select the address with no associated instance > "
                    + "Actions > Release Elastic IP addresses. CLI: aws ec2 release-address --allocation-id <id>",
            List.of("ec2:DescribeAddresses"),
            List.of("Amazon VPC pricing: public IPv4 addresses"), List.of(),
            MoneyKind.SAVINGS);

    public EipUnassociatedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(Address a, CheckContext ctx) {
        if (a.associationId() != null || a.instanceId() != null || a.networkInterfaceId() != null) return List.of();
        Optional<BigDecimal> hourly = ctx.prices().price(ctx.region(), PriceTable.PUBLIC_IPV4_HOUR);
        BigDecimal monthly = hourly.map(h -> h.multiply(HOURS_PER_MONTH)).orElse(null);
        String cost = monthly == null ? ctx.prices().missing(ctx.region(), PriceTable.PUBLIC_IPV4_HOUR)
                : "Costs " + CostFormat.usd(monthly) + "/month (" + hourly.get() + " USD/hour x 730).";
        return List.of(finding(ctx, AddressSource.resourceId(a))
                .detail("Elastic IP " + a.publicIp() + " (" + a.allocationId() + ") is not associated with any"
                        + " instance or network interface. " + cost)
                .monthlyCostUsd(monthly).build());
    }
}
