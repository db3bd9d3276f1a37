package cloud.consolesensei.testkit;

/**
 * EC2 Query API answers as the Amazon EC2 API Reference shows them, shared by the wire tests'
 * estate ({@link WireEstate}) and the benchmark's fake AWS (bench {@code SyntheticEstate}), so
 * both answer an operation such as DescribeAddresses the same way.
 */
public final class Ec2Xml {

    /** The namespace of every EC2 answer (API version 2016-11-15). */
    public static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    /** The request id of every answer (the API reference's example). */
    public static final String REQUEST_ID = "59dbff89-35bd-4eac-99ed-be587EXAMPLE";

    private Ec2Xml() {
    }

    /** {@code <root xmlns=NS><requestId>...</requestId>body</root>}, without the XML declaration. */
    public static String response(String root, String body) {
        return "<" + root + " xmlns=\"" + NS + "\">\n<requestId>" + REQUEST_ID + "</requestId>\n" + body + "\n</" + root + ">";
    }

    /**
     * One {@code addressesSet} item of a DescribeAddresses answer: a VPC Elastic IP, associated with
     * {@code instanceId} through {@code associationId} when both are given, unassociated when they
     * are null.
     */
    public static String address(String publicIp, String allocationId, String associationId, String instanceId,
                                 String networkBorderGroup) {
        StringBuilder sb = new StringBuilder("<item><publicIp>").append(publicIp).append("</publicIp><allocationId>")
                .append(allocationId).append("</allocationId><domain>vpc</domain>");
        if (associationId != null && instanceId != null) {
            sb.append("<associationId>").append(associationId).append("</associationId><instanceId>").append(instanceId)
                    .append("</instanceId>");
        }
        return sb.append("<networkBorderGroup>").append(networkBorderGroup).append("</networkBorderGroup></item>").toString();
    }
}
