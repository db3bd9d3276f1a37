package cloud.consolesensei.ec2;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code ec2.instance_imdsv1}: a running instance whose MetadataOptions.HttpEndpoint is
 * {@code enabled} and HttpTokens is {@code optional} (IMDSv1 answers): MEDIUM, HIGH when it has a
 * public IPv4 address. With HttpEndpoint {@code disabled} nothing answers on the metadata address,
 * so nothing is exposed. An absent HttpEndpoint is taken as {@code enabled}, the default the
 * Amazon EC2 API Reference documents for InstanceMetadataOptionsResponse. Missing MetadataOptions
 * is unknown (no finding); an HttpTokens or HttpEndpoint value this version does not know gives an
 * INFO finding with the raw value.
 */
public final class InstanceImdsV1Check extends CatalogCheck<InstanceView> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.instance_imdsv1",
            "Instance allows IMDSv1", Severity.MEDIUM, "ec2", "EC2 instance",
            "running, MetadataOptions.HttpEndpoint = enabled and HttpTokens = optional. Severity HIGH with a "
                    + "public IP.",
            "IMDSv1 answers unauthenticated GETs, so an SSRF bug in the instance's software can leak its role credentials.",
            "Check the software uses IMDSv2 (current AWS SDKs and CLI do; CloudWatch metric MetadataNoToken shows v1 "
                    + "use), then: Console: EC2 > Instances > Actions > Instance settings > Modify instance metadata "
                    + "options > IMDSv2 Required. CLI: aws ec2 modify-instance-metadata-options --instance-id <id> "
                    + "--http-tokens required --http-endpoint enabled",
            List.of("ec2:DescribeInstances"),
            List.of("AWS Foundational Security Best Practices EC2.8", "Use IMDSv2 (Amazon EC2 User Guide)"),
            List.of());

    public InstanceImdsV1Check() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(InstanceView v, CheckContext ctx) {
        if (!"running".equals(v.state()) || v.instance().metadataOptions() == null) return List.of();
        String id = v.instance().instanceId();
        String tokens = v.instance().metadataOptions().httpTokensAsString();
        String endpoint = v.instance().metadataOptions().httpEndpointAsString();
        if ("required".equals(tokens) || tokens == null || "disabled".equals(endpoint)) return List.of();
        if (!"optional".equals(tokens)) return List.of(unknown(ctx, id, "HttpTokens", tokens));
        if (endpoint != null && !"enabled".equals(endpoint)) return List.of(unknown(ctx, id, "HttpEndpoint", endpoint));
        String ip = v.publicIp();
        return List.of(finding(ctx, id)
                .severity(ip == null ? Severity.MEDIUM : Severity.HIGH)
                .detail("Running instance " + id + " has HttpTokens = optional (IMDSv1 allowed) with the metadata "
                        + "endpoint enabled" + (ip == null ? "." : ", and public IP " + ip + "."))
                .build());
    }

    private Finding unknown(CheckContext ctx, String id, String field, String value) {
        return finding(ctx, id).severity(Severity.INFO)
                .detail("Instance " + id + " reports MetadataOptions." + field + " '" + value
                        + "', a value this version does not know: IMDSv1 use unknown.")
                .build();
    }
}
