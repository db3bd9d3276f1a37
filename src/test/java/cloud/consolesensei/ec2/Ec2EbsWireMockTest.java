package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2TestSupport.readAndCheck;
import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static cloud.consolesensei.testkit.AwsWire.fromFile;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.ebs.EbsModule;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Ec2Xml;
import cloud.consolesensei.testkit.WireTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * The EC2 and EBS sources through the real AWS SDK against WireMock, answering in the EC2 Query
 * API's XML (namespace http://ec2.amazonaws.com/doc/2016-11-15/) as the Amazon EC2 API Reference
 * documents each response, from the files {@code aws/ec2/*-mixed*.xml}; requests are matched by
 * their form parameters (Action=..., NextToken,
 * Owner.1=self, RestorableBy.1=all, Filter.1.Name=attachment.instance-id).
 */
@WireTest
class Ec2EbsWireMockTest {

    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wiremock", null, null,
            List.of("us-east-1"), List.of(), null, List.of());

    private AwsWire aws;
    private WireMockServer server;
    private SdkAwsClients clients;
    private final List<CoverageGap> gaps = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        server = aws.server();
        AwsWire.noUsageData(server);
        clients = aws.clients(AwsSettings.defaults());
        stubEstate();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private List<Finding> readAll() {
        ReadContext rc = readContext(clients, ACCOUNT, "us-east-1", gaps);
        List<Finding> out = new ArrayList<>();
        for (ResourceSource<?> s : Stream.of(new Ec2Module(), new EbsModule()).map(ServiceModule::sources)
                .flatMap(List::stream).toList()) {
            out.addAll(readAndCheck(s, rc));
        }
        return out;
    }

    @Test
    void everyOperationIsReadAndJudged() {
        List<Finding> findings = readAll();

        assertThat(gaps).isEmpty();
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId, Finding::severity,
                        Finding::monthlyCostUsd)
                .containsExactlyInAnyOrder(
                        tuple("ec2.instance_previous_generation", "i-0aaaaaaaaaaaaaaa1", Severity.LOW, null),
                        tuple("ec2.instance_imdsv1", "i-0aaaaaaaaaaaaaaa1", Severity.HIGH, null),
                        tuple("ec2.instance_missing_tags", "i-0aaaaaaaaaaaaaaa1", Severity.LOW, null),
                        tuple("ec2.instance_stopped_long", "i-0bbbbbbbbbbbbbbb2", Severity.LOW, new BigDecimal("10.00")),
                        tuple("ec2.eip_unassociated", "eipalloc-0bbbbbbbbbbbbbbb2", Severity.LOW, new BigDecimal("3.65")),
                        tuple("ec2.security_group_admin_ports_open", "sg-0aaaaaaaaaaaaaaa1", Severity.HIGH, null),
                        tuple("ebs.volume_gp2", "vol-0bbbbbbbbbbbbbbb2", Severity.LOW, new BigDecimal("2.00")),
                        tuple("ebs.volume_unencrypted", "vol-0bbbbbbbbbbbbbbb2", Severity.MEDIUM, null),
                        tuple("ebs.volume_unattached", "vol-0ccccccccccccccc3", Severity.MEDIUM, new BigDecimal("337.50")),
                        tuple("ebs.snapshot_old", "snap-0bbbbbbbbbbbbbbb2", Severity.LOW, new BigDecimal("2.50")),
                        tuple("ebs.snapshot_orphaned", "snap-0bbbbbbbbbbbbbbb2", Severity.LOW, new BigDecimal("2.50")),
                        tuple("ebs.snapshot_public", "snap-0aaaaaaaaaaaaaaa1", Severity.CRITICAL, null),
                        tuple("ebs.default_encryption_off", "123456789012", Severity.MEDIUM, null));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.accountId()).isEqualTo("123456789012");
            assertThat(f.region()).isEqualTo("us-east-1");
        });

        // DescribeInstances was paged with the NextToken of page 1; volumes of the stopped instance only.
        server.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Action=DescribeInstances")).withRequestBody(containing("NextToken=page2")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Filter.1.Name=attachment.instance-id")));
        // The snapshot facts are read once per (account, region) although there are three snapshots.
        server.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeImages")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("RestorableBy.1=all")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeSnapshots"))
                .withRequestBody(notContaining("Owner.1=self")));
    }

    @Test
    void anUnauthorizedOperationIsAGapAndTheRestStillYieldsFindings() {
        server.stubFor(ec2("DescribeImages").atPriority(1).willReturn(unauthorized()));

        List<Finding> findings = readAll();

        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.service()).isEqualTo("ec2");
            assertThat(g.operation()).isEqualTo("DescribeImages");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.message()).contains("UnauthorizedOperation");
            assertThat(g.accountId()).isEqualTo("123456789012");
            assertThat(g.region()).isEqualTo("us-east-1");
        });
        // Unknown is not "off": without the AMI list no snapshot is called orphaned ...
        assertThat(findings).extracting(Finding::checkId).doesNotContain("ebs.snapshot_orphaned")
                // ... while everything else is still judged.
                .contains("ebs.snapshot_old", "ebs.snapshot_public", "ebs.volume_unattached", "ec2.instance_imdsv1",
                        "ec2.instance_stopped_long", "ec2.eip_unassociated", "ebs.default_encryption_off");
        assertThat(findings).hasSize(12);
    }

    @Test
    void unreadableAttachedVolumesLeaveTheStoppedInstanceUnpricedAndNameItInTheGap() {
        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Name=attachment.instance-id"))
                .atPriority(0).willReturn(unauthorized()));

        List<Finding> findings = readAll();

        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.operation()).isEqualTo("DescribeVolumes");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.message()).startsWith("instance i-0bbbbbbbbbbbbbbb2: UnauthorizedOperation");
        });
        assertThat(findings).filteredOn(f -> f.checkId().equals("ec2.instance_stopped_long")).singleElement()
                .satisfies(f -> {
                    assertThat(f.monthlyCostUsd()).isNull();
                    assertThat(f.detail()).contains("could not be read");
                });
        assertThat(findings).hasSize(13);
    }

    // ---------------------------------------------------------------------------------------------
    // The estate, in the EC2 Query API's XML

    private static MappingBuilder ec2(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action));
    }

    /** EC2's answer to a caller without the IAM permission (403 UnauthorizedOperation). */
    private static ResponseDefinitionBuilder unauthorized() {
        return AwsTemplate.of("ec2/error.xml").answer(403, AwsWire.XML, "code", "UnauthorizedOperation",
                "message", "You are not authorized to perform this operation.", "requestId", "ea966190-f9aa-478e-9ede-example");
    }

    private void stubEstate() {
        server.stubFor(ec2("DescribeInstances").withRequestBody(notContaining("NextToken"))
                .willReturn(fromFile("ec2/describe-instances-mixed-page-1.xml", AwsWire.XML)));
        server.stubFor(ec2("DescribeInstances").withRequestBody(containing("NextToken=page2"))
                .willReturn(fromFile("ec2/describe-instances-mixed-page-2.xml", AwsWire.XML)));

        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Name=attachment.instance-id"))
                .withRequestBody(containing("Filter.1.Value.1=i-0bbbbbbbbbbbbbbb2")).atPriority(1)
                .willReturn(fromFile("ec2/describe-volumes-mixed-attached-to-stopped.xml", AwsWire.XML)));
        server.stubFor(ec2("DescribeVolumes").withRequestBody(notContaining("Filter.1.Name")).atPriority(2)
                .willReturn(fromFile("ec2/describe-volumes-mixed.xml", AwsWire.XML)));

        server.stubFor(ec2("DescribeSnapshots").withRequestBody(containing("Owner.1=self"))
                .withRequestBody(containing("RestorableBy.1=all")).atPriority(1)
                .willReturn(fromFile("ec2/describe-snapshots-mixed-restorable-by-all.xml", AwsWire.XML)));
        server.stubFor(ec2("DescribeSnapshots").withRequestBody(containing("Owner.1=self"))
                .withRequestBody(notContaining("RestorableBy")).atPriority(2)
                .willReturn(fromFile("ec2/describe-snapshots-mixed.xml", AwsWire.XML)));

        server.stubFor(ec2("GetSnapshotBlockPublicAccessState")
                .willReturn(fromFile("ec2/get-snapshot-block-public-access-state-unblocked.xml", AwsWire.XML)));
        server.stubFor(ec2("DescribeImages").withRequestBody(containing("Owner.1=self")).atPriority(2)
                .willReturn(fromFile("ec2/describe-images-mixed.xml", AwsWire.XML)));

        server.stubFor(ec2("DescribeAddresses").willReturn(aResponse().withStatus(200).withHeader("Content-Type", AwsWire.XML)
                .withBody(Ec2Xml.describeAddresses(
                        Ec2Xml.associated("54.1.2.3", "eipalloc-0aaaaaaaaaaaaaaa1", "eipassoc-0aaaaaaaaaaaaaaa1",
                                "i-0aaaaaaaaaaaaaaa1", "eni-0aaaaaaaaaaaaaaa1", "10.0.0.10", "123456789012", "us-east-1"),
                        Ec2Xml.unassociated("3.3.3.3", "eipalloc-0bbbbbbbbbbbbbbb2", "us-east-1")))));

        server.stubFor(ec2("DescribeSecurityGroups")
                .willReturn(fromFile("ec2/describe-security-groups-mixed.xml", AwsWire.XML)));

        server.stubFor(ec2("GetEbsEncryptionByDefault")
                .willReturn(AwsTemplate.of("ec2/get-ebs-encryption-by-default.xml").answer(AwsWire.XML, "enabled", false)));
    }
}
