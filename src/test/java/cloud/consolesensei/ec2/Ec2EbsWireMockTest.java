package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2TestSupport.readAndCheck;
import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
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
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

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
 * documents each response; requests are matched by their form parameters (Action=..., NextToken,
 * Owner.1=self, RestorableBy.1=all, Filter.1.Name=attachment.instance-id).
 */
@WireTest
class Ec2EbsWireMockTest {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
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
        server.stubFor(ec2("DescribeImages").atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                        + "<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation."
                        + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>")));

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
                .atPriority(0).willReturn(aResponse().withStatus(403)
                        .withHeader("Content-Type", "text/xml;charset=UTF-8")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                                + "<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this"
                                + " operation.</Message></Error></Errors><RequestID>ea966190-example</RequestID>"
                                + "</Response>")));

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

    private void answer(MappingBuilder request, String root, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NS + "\">\n"
                        + "    <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n" + body + "\n</" + root
                        + ">")));
    }

    private void stubEstate() {
        answer(ec2("DescribeInstances").withRequestBody(notContaining("NextToken")), "DescribeInstancesResponse", """
                <reservationSet>
                    <item>
                        <reservationId>r-0aaaaaaaaaaaaaaa1</reservationId>
                        <ownerId>123456789012</ownerId>
                        <groupSet/>
                        <instancesSet>
                            <item>
                                <instanceId>i-0aaaaaaaaaaaaaaa1</instanceId>
                                <imageId>ami-0aaaaaaaaaaaaaaa1</imageId>
                                <instanceState><code>16</code><name>running</name></instanceState>
                                <privateDnsName>ip-10-0-0-10.ec2.internal</privateDnsName>
                                <dnsName>ec2-54-1-2-3.compute-1.amazonaws.com</dnsName>
                                <reason/>
                                <amiLaunchIndex>0</amiLaunchIndex>
                                <productCodes/>
                                <instanceType>t2.micro</instanceType>
                                <launchTime>2024-03-01T08:00:00.000Z</launchTime>
                                <placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement>
                                <monitoring><state>disabled</state></monitoring>
                                <subnetId>subnet-0aaaaaaaaaaaaaaa1</subnetId>
                                <vpcId>vpc-0aaaaaaaaaaaaaaa1</vpcId>
                                <privateIpAddress>10.0.0.10</privateIpAddress>
                                <ipAddress>54.1.2.3</ipAddress>
                                <tagSet>
                                    <item><key>Name</key><value>bastion</value></item>
                                    <item><key>Owner</key><value>ops</value></item>
                                </tagSet>
                                <metadataOptions>
                                    <state>applied</state>
                                    <httpTokens>optional</httpTokens>
                                    <httpPutResponseHopLimit>1</httpPutResponseHopLimit>
                                    <httpEndpoint>enabled</httpEndpoint>
                                </metadataOptions>
                                <platformDetails>Linux/UNIX</platformDetails>
                            </item>
                        </instancesSet>
                    </item>
                </reservationSet>
                <nextToken>page2</nextToken>""");
        answer(ec2("DescribeInstances").withRequestBody(containing("NextToken=page2")), "DescribeInstancesResponse", """
                <reservationSet>
                    <item>
                        <reservationId>r-0bbbbbbbbbbbbbbb2</reservationId>
                        <ownerId>123456789012</ownerId>
                        <groupSet/>
                        <instancesSet>
                            <item>
                                <instanceId>i-0bbbbbbbbbbbbbbb2</instanceId>
                                <instanceState><code>80</code><name>stopped</name></instanceState>
                                <reason>User initiated (2026-08-01 10:00:00 GMT)</reason>
                                <instanceType>m5.large</instanceType>
                                <launchTime>2025-01-01T08:00:00.000Z</launchTime>
                                <placement><availabilityZone>us-east-1b</availabilityZone></placement>
                                <privateIpAddress>10.0.1.11</privateIpAddress>
                                <tagSet>
                                    <item><key>Owner</key><value>bi</value></item>
                                    <item><key>CostCenter</key><value>CC-1</value></item>
                                </tagSet>
                                <metadataOptions><state>applied</state><httpTokens>required</httpTokens></metadataOptions>
                            </item>
                            <item>
                                <instanceId>i-0ccccccccccccccc3</instanceId>
                                <instanceState><code>48</code><name>terminated</name></instanceState>
                                <reason>User initiated (2026-11-28 10:00:00 GMT)</reason>
                                <instanceType>t2.micro</instanceType>
                                <placement><availabilityZone>us-east-1b</availabilityZone></placement>
                                <metadataOptions><state>applied</state><httpTokens>optional</httpTokens></metadataOptions>
                            </item>
                        </instancesSet>
                    </item>
                </reservationSet>""");

        String vol2 = """
                    <item>
                        <volumeId>vol-0bbbbbbbbbbbbbbb2</volumeId>
                        <size>100</size>
                        <snapshotId/>
                        <availabilityZone>us-east-1b</availabilityZone>
                        <status>in-use</status>
                        <createTime>2025-01-01T08:00:00.000Z</createTime>
                        <attachmentSet>
                            <item>
                                <volumeId>vol-0bbbbbbbbbbbbbbb2</volumeId>
                                <instanceId>i-0bbbbbbbbbbbbbbb2</instanceId>
                                <device>/dev/xvda</device>
                                <status>attached</status>
                                <attachTime>2025-01-01T08:00:00.000Z</attachTime>
                                <deleteOnTermination>true</deleteOnTermination>
                            </item>
                        </attachmentSet>
                        <volumeType>gp2</volumeType>
                        <iops>300</iops>
                        <encrypted>false</encrypted>
                        <multiAttachEnabled>false</multiAttachEnabled>
                    </item>""";
        answer(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Name=attachment.instance-id"))
                .withRequestBody(containing("Filter.1.Value.1=i-0bbbbbbbbbbbbbbb2")).atPriority(1),
                "DescribeVolumesResponse", "<volumeSet>" + vol2 + "</volumeSet>");
        answer(ec2("DescribeVolumes").withRequestBody(notContaining("Filter.1.Name")).atPriority(2),
                "DescribeVolumesResponse", """
                <volumeSet>
                    <item>
                        <volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId>
                        <size>8</size>
                        <availabilityZone>us-east-1a</availabilityZone>
                        <status>in-use</status>
                        <createTime>2024-03-01T08:00:00.000Z</createTime>
                        <attachmentSet>
                            <item>
                                <volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId>
                                <instanceId>i-0aaaaaaaaaaaaaaa1</instanceId>
                                <device>/dev/xvda</device>
                                <status>attached</status>
                                <attachTime>2024-03-01T08:00:00.000Z</attachTime>
                                <deleteOnTermination>true</deleteOnTermination>
                            </item>
                        </attachmentSet>
                        <volumeType>gp3</volumeType>
                        <iops>3000</iops>
                        <throughput>125</throughput>
                        <encrypted>true</encrypted>
                    </item>
                """ + vol2 + """
                    <item>
                        <volumeId>vol-0ccccccccccccccc3</volumeId>
                        <size>100</size>
                        <availabilityZone>us-east-1a</availabilityZone>
                        <status>available</status>
                        <createTime>2026-06-01T08:00:00.000Z</createTime>
                        <attachmentSet/>
                        <volumeType>io1</volumeType>
                        <iops>5000</iops>
                        <encrypted>true</encrypted>
                        <tagSet><item><key>Name</key><value>db-old</value></item></tagSet>
                    </item>
                </volumeSet>""");

        answer(ec2("DescribeSnapshots").withRequestBody(containing("Owner.1=self"))
                .withRequestBody(containing("RestorableBy.1=all")).atPriority(1), "DescribeSnapshotsResponse", """
                <snapshotSet>
                    <item>
                        <snapshotId>snap-0aaaaaaaaaaaaaaa1</snapshotId>
                        <volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId>
                        <status>completed</status>
                        <startTime>2026-11-01T08:00:00.000Z</startTime>
                        <progress>100%</progress>
                        <ownerId>123456789012</ownerId>
                        <volumeSize>8</volumeSize>
                        <description>shared by mistake</description>
                        <encrypted>false</encrypted>
                    </item>
                </snapshotSet>""");
        answer(ec2("DescribeSnapshots").withRequestBody(containing("Owner.1=self"))
                .withRequestBody(notContaining("RestorableBy")).atPriority(2), "DescribeSnapshotsResponse", """
                <snapshotSet>
                    <item>
                        <snapshotId>snap-0aaaaaaaaaaaaaaa1</snapshotId>
                        <volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId>
                        <status>completed</status>
                        <startTime>2026-11-01T08:00:00.000Z</startTime>
                        <progress>100%</progress>
                        <ownerId>123456789012</ownerId>
                        <volumeSize>8</volumeSize>
                        <description>shared by mistake</description>
                        <encrypted>false</encrypted>
                    </item>
                    <item>
                        <snapshotId>snap-0bbbbbbbbbbbbbbb2</snapshotId>
                        <volumeId>vol-0deaddeaddeaddea1</volumeId>
                        <status>completed</status>
                        <startTime>2026-01-01T08:00:00.000Z</startTime>
                        <progress>100%</progress>
                        <ownerId>123456789012</ownerId>
                        <volumeSize>50</volumeSize>
                        <description>left behind</description>
                        <encrypted>true</encrypted>
                    </item>
                    <item>
                        <snapshotId>snap-0ccccccccccccccc3</snapshotId>
                        <volumeId>vol-0deaddeaddeaddea2</volumeId>
                        <status>completed</status>
                        <startTime>2026-11-20T08:00:00.000Z</startTime>
                        <progress>100%</progress>
                        <ownerId>123456789012</ownerId>
                        <volumeSize>8</volumeSize>
                        <description>Created by CreateImage(i-0aaaaaaaaaaaaaaa1) for ami-0aaaaaaaaaaaaaaa1</description>
                        <encrypted>true</encrypted>
                    </item>
                </snapshotSet>""");

        answer(ec2("GetSnapshotBlockPublicAccessState"), "GetSnapshotBlockPublicAccessStateResponse",
                "<state>unblocked</state><managedBy>account</managedBy>");
        answer(ec2("DescribeImages").withRequestBody(containing("Owner.1=self")).atPriority(2),
                "DescribeImagesResponse", """
                <imagesSet>
                    <item>
                        <imageId>ami-0aaaaaaaaaaaaaaa1</imageId>
                        <imageLocation>123456789012/golden</imageLocation>
                        <imageState>available</imageState>
                        <imageOwnerId>123456789012</imageOwnerId>
                        <creationDate>2026-11-20T08:00:00.000Z</creationDate>
                        <isPublic>false</isPublic>
                        <architecture>x86_64</architecture>
                        <imageType>machine</imageType>
                        <name>golden</name>
                        <rootDeviceType>ebs</rootDeviceType>
                        <rootDeviceName>/dev/xvda</rootDeviceName>
                        <blockDeviceMapping>
                            <item>
                                <deviceName>/dev/xvda</deviceName>
                                <ebs>
                                    <snapshotId>snap-0ccccccccccccccc3</snapshotId>
                                    <volumeSize>8</volumeSize>
                                    <deleteOnTermination>true</deleteOnTermination>
                                    <volumeType>gp3</volumeType>
                                    <encrypted>true</encrypted>
                                </ebs>
                            </item>
                            <item>
                                <deviceName>/dev/sdb</deviceName>
                                <virtualName>ephemeral0</virtualName>
                            </item>
                        </blockDeviceMapping>
                        <virtualizationType>hvm</virtualizationType>
                        <hypervisor>xen</hypervisor>
                    </item>
                </imagesSet>""");

        answer(ec2("DescribeAddresses"), "DescribeAddressesResponse", """
                <addressesSet>
                    <item>
                        <publicIp>54.1.2.3</publicIp>
                        <allocationId>eipalloc-0aaaaaaaaaaaaaaa1</allocationId>
                        <domain>vpc</domain>
                        <instanceId>i-0aaaaaaaaaaaaaaa1</instanceId>
                        <associationId>eipassoc-0aaaaaaaaaaaaaaa1</associationId>
                        <networkInterfaceId>eni-0aaaaaaaaaaaaaaa1</networkInterfaceId>
                        <networkInterfaceOwnerId>123456789012</networkInterfaceOwnerId>
                        <privateIpAddress>10.0.0.10</privateIpAddress>
                    </item>
                    <item>
                        <publicIp>3.3.3.3</publicIp>
                        <allocationId>eipalloc-0bbbbbbbbbbbbbbb2</allocationId>
                        <domain>vpc</domain>
                        <publicIpv4Pool>amazon</publicIpv4Pool>
                        <networkBorderGroup>us-east-1</networkBorderGroup>
                    </item>
                </addressesSet>""");

        answer(ec2("DescribeSecurityGroups"), "DescribeSecurityGroupsResponse", """
                <securityGroupInfo>
                    <item>
                        <ownerId>123456789012</ownerId>
                        <groupId>sg-0aaaaaaaaaaaaaaa1</groupId>
                        <groupName>ssh-anywhere</groupName>
                        <groupDescription>ssh</groupDescription>
                        <vpcId>vpc-0aaaaaaaaaaaaaaa1</vpcId>
                        <ipPermissions>
                            <item>
                                <ipProtocol>tcp</ipProtocol>
                                <fromPort>22</fromPort>
                                <toPort>22</toPort>
                                <groups/>
                                <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                                <ipv6Ranges/>
                                <prefixListIds/>
                            </item>
                        </ipPermissions>
                        <ipPermissionsEgress>
                            <item>
                                <ipProtocol>-1</ipProtocol>
                                <groups/>
                                <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                            </item>
                        </ipPermissionsEgress>
                    </item>
                    <item>
                        <ownerId>123456789012</ownerId>
                        <groupId>sg-0bbbbbbbbbbbbbbb2</groupId>
                        <groupName>https</groupName>
                        <groupDescription>https</groupDescription>
                        <vpcId>vpc-0aaaaaaaaaaaaaaa1</vpcId>
                        <ipPermissions>
                            <item>
                                <ipProtocol>tcp</ipProtocol>
                                <fromPort>443</fromPort>
                                <toPort>443</toPort>
                                <groups/>
                                <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                                <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges>
                            </item>
                        </ipPermissions>
                        <ipPermissionsEgress/>
                    </item>
                </securityGroupInfo>""");

        answer(ec2("GetEbsEncryptionByDefault"), "GetEbsEncryptionByDefaultResponse", """
                <ebsEncryptionByDefault>false</ebsEncryptionByDefault>
                <sseType>sse-ebs</sseType>""");
    }
}
