package cloud.consolesensei.testkit;

import java.util.List;

/**
 * EC2 Query API answers built from the files {@code aws/ec2/describe-addresses*.xml}, shared by
 * the wire tests' estates ({@link WireEstate}, the EC2/EBS source test) and the benchmark's fake
 * AWS (bench {@code SyntheticEstate}), so all of them answer DescribeAddresses from one file pair:
 * the answer, and one {@code addressesSet} item per Elastic IP (associated or not). Answers
 * generated item by item elsewhere take their envelope from {@code aws/ec2/response.xml}.
 */
public final class Ec2Xml {

    private Ec2Xml() {
    }

    /**
     * An EC2 answer (with the XML declaration) whose root element is {@code root}
     * ({@code <Action>Response}) and whose content after the request id is {@code body}.
     */
    public static String response(String root, String body) {
        return AwsTemplate.of("ec2/response.xml").fill("root", root, "body", body);
    }

    /** A DescribeAddresses answer (with the XML declaration) listing {@code items}. */
    public static String describeAddresses(String... items) {
        return describeAddresses(List.of(items));
    }

    /** A DescribeAddresses answer (with the XML declaration) listing {@code items}. */
    public static String describeAddresses(List<String> items) {
        return AwsTemplate.of("ec2/describe-addresses.xml").fill("items", String.join("", items));
    }

    /** An {@code addressesSet} item: a VPC Elastic IP associated with nothing, from Amazon's pool. */
    public static String unassociated(String publicIp, String allocationId, String region) {
        return AwsTemplate.of("ec2/describe-addresses-item-unassociated.xml").fill("publicIp", publicIp,
                "allocationId", allocationId, "region", region);
    }

    /**
     * An {@code addressesSet} item: a VPC Elastic IP associated ({@code associationId}) with
     * {@code instanceId} through its network interface {@code networkInterfaceId} (owned by
     * {@code account}) at {@code privateIpAddress}.
     */
    public static String associated(String publicIp, String allocationId, String associationId, String instanceId,
                                    String networkInterfaceId, String privateIpAddress, String account, String region) {
        return AwsTemplate.of("ec2/describe-addresses-item-associated.xml").fill("publicIp", publicIp,
                "allocationId", allocationId, "associationId", associationId, "instanceId", instanceId,
                "networkInterfaceId", networkInterfaceId, "privateIpAddress", privateIpAddress, "account", account,
                "region", region);
    }
}
