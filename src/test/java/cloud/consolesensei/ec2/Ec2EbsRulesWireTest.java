package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2TestSupport.readAndCheck;
import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.errorFromFile;
import static cloud.consolesensei.testkit.AwsWire.fromFile;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sharpened EC2 and EBS rules of checks.md through the real SDK: WireMock answers in the EC2
 * Query API's XML (files under {@code src/test/resources/aws/ec2/}, shaped as the Amazon EC2 API
 * Reference documents DescribeInstances, DescribeVolumes, DescribeSnapshots, DescribeImages and
 * GetSnapshotBlockPublicAccessState):
 * IMDSv1 only with the metadata endpoint enabled, gp2 judged against a gp3 matching IOPS and
 * throughput, volume prices by type and tier, copies and imports never orphaned, and public
 * snapshots judged with the region's snapshot block public access state.
 */
@WireTest
class Ec2EbsRulesWireTest {

    private static final String XML = "text/xml;charset=UTF-8";
    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wiremock", null, null,
            List.of("us-east-1"), List.of(), null, List.of());

    private AwsWire aws;
    private SdkAwsClients clients;
    private final List<CoverageGap> gaps = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        AwsWire.noUsageData(aws.server());
        clients = new SdkAwsClients(AwsSettings.defaults());
        aws.stub(action("DescribeInstances").willReturn(fromFile("ec2/describe-instances-imds.xml", XML)));
        aws.stub(action("DescribeVolumes").willReturn(fromFile("ec2/describe-volumes-pricing.xml", XML)));
        aws.stub(action("DescribeImages").withRequestBody(containing("Owner.1=self"))
                .willReturn(fromFile("ec2/describe-images-none.xml", XML)));
        aws.stub(action("DescribeSnapshots").withRequestBody(containing("Owner.1=self"))
                .withRequestBody(notContaining("RestorableBy"))
                .willReturn(fromFile("ec2/describe-snapshots-own.xml", XML)));
        aws.stub(action("DescribeSnapshots").withRequestBody(containing("Owner.1=self"))
                .withRequestBody(containing("RestorableBy.1=all"))
                .willReturn(fromFile("ec2/describe-snapshots-restorable-by-all.xml", XML)));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private List<Finding> read(String... sourceIds) {
        ReadContext rc = readContext(clients, ACCOUNT, "us-east-1", gaps);
        List<Finding> out = new ArrayList<>();
        for (ResourceSource<?> s : Stream.of(new Ec2Module(), new EbsModule()).map(ServiceModule::sources)
                .flatMap(List::stream).filter(s -> List.of(sourceIds).contains(s.id())).toList()) {
            out.addAll(readAndCheck(s, rc));
        }
        return out;
    }

    private void blockState(String file) {
        aws.stub(action("GetSnapshotBlockPublicAccessState").willReturn(fromFile("ec2/" + file, XML)));
    }

    private int blockStateCalls() {
        return aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Action=GetSnapshotBlockPublicAccessState"))).size();
    }

    @Test
    void imdsV1OnlyWhereTheMetadataEndpointAnswers() {
        List<Finding> findings = read("ec2.instances");

        assertThat(gaps).isEmpty();
        // endpoint disabled (1), IMDSv2 required (4) and not running (5) expose nothing; an absent
        // HttpEndpoint is AWS's default, enabled (3)
        assertThat(findings).filteredOn(f -> f.checkId().equals("ec2.instance_imdsv1"))
                .extracting(Finding::resourceId, Finding::severity)
                .containsExactlyInAnyOrder(
                        tuple("i-0e1d5a00000000002", Severity.HIGH),
                        tuple("i-0e1d5a00000000003", Severity.MEDIUM));
        // the EC2 Instances sheet says why the first one is not exposed
        InstanceSource source = new InstanceSource();
        ReadContext rc = readContext(clients, ACCOUNT, "us-east-1", gaps);
        assertThat(source.read(rc).map(v -> source.inventoryRow(v, rc.checkContext())))
                .filteredOn(r -> r.resourceId().equals("i-0e1d5a00000000001")).singleElement()
                .satisfies(r -> assertThat(r.cells()).contains("optional (endpoint disabled)"));
    }

    @Test
    void volumesArePricedByTypeAndGp2OnlyWhereGp3MatchingItIsCheaper() {
        List<Finding> findings = read("ebs.volumes");

        assertThat(gaps).isEmpty();
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId, Finding::monthlyCostUsd)
                .containsExactlyInAnyOrder(
                        // 500 GiB gp2: 50.00 against gp3 40.00 + 125 MiB/s x 0.04; 200 and 171 GiB: no saving
                        tuple("ebs.volume_gp2", "vol-0e1d5b00000000002", new BigDecimal("5.00")),
                        // 100 GiB gp2 without <iops>: 10.00 against 8.00
                        tuple("ebs.volume_gp2", "vol-0e1d5b00000000003", new BigDecimal("2.00")),
                        // st1, sc1 and standard have no <iops>: size alone
                        tuple("ebs.volume_unattached", "vol-0e1d5b00000000004", new BigDecimal("22.50")),
                        tuple("ebs.volume_unattached", "vol-0e1d5b00000000005", new BigDecimal("15.00")),
                        tuple("ebs.volume_unattached", "vol-0e1d5b00000000006", new BigDecimal("1.50")),
                        // io2: 400 x 0.125 + 32,000 x 0.065 + 8,000 x 0.0455
                        tuple("ebs.volume_unattached", "vol-0e1d5b00000000007", new BigDecimal("2494.00")),
                        // io2: 100 x 0.125 + 32,000 x 0.065 + 32,000 x 0.0455 + 6,000 x 0.032
                        tuple("ebs.volume_unattached", "vol-0e1d5b00000000008", new BigDecimal("3740.50")),
                        // gp3: 500 x 0.08 + 3,000 IOPS x 0.005 + 125 MiB/s x 0.04
                        tuple("ebs.volume_unattached", "vol-0e1d5b00000000009", new BigDecimal("60.00")));
    }

    @Test
    void snapshotsWithUnblockedSharingArePublicAndCopiesAndImportsAreNotOrphaned() {
        blockState("get-snapshot-block-public-access-state-unblocked.xml");
        List<Finding> findings = read("ebs.snapshots");

        assertThat(gaps).isEmpty();
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId)
                .containsExactlyInAnyOrder(
                        tuple("ebs.snapshot_public", "snap-0e1d5c00000000001"),
                        // a copy (vol-ffffffff) 424 days old is old, but never orphaned
                        tuple("ebs.snapshot_old", "snap-0e1d5c00000000002"),
                        tuple("ebs.snapshot_orphaned", "snap-0e1d5c00000000003"));
        // shared with a named account only (snap-...4) is not public; the state is read once per region
        assertThat(blockStateCalls()).isEqualTo(1);
    }

    @Test
    void blockNewSharingLeavesPublicSnapshotsPublic() {
        blockState("get-snapshot-block-public-access-state-block-new-sharing.xml");
        assertThat(read("ebs.snapshots")).filteredOn(f -> f.checkId().equals("ebs.snapshot_public"))
                .singleElement().satisfies(f -> {
                    assertThat(f.resourceId()).isEqualTo("snap-0e1d5c00000000001");
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.detail()).contains("block-new-sharing");
                });
        assertThat(gaps).isEmpty();
    }

    @Test
    void blockAllSharingMakesThemPrivate() {
        blockState("get-snapshot-block-public-access-state-block-all-sharing.xml");
        List<Finding> findings = read("ebs.snapshots");
        assertThat(gaps).isEmpty();
        assertThat(findings).extracting(Finding::checkId).doesNotContain("ebs.snapshot_public")
                .contains("ebs.snapshot_old", "ebs.snapshot_orphaned");
    }

    @Test
    void anUnreadableStateIsAGapAndSaysNothingAboutPublicSnapshots() {
        aws.stub(action("GetSnapshotBlockPublicAccessState").willReturn(
                errorFromFile(403, "ec2/error-unauthorized-operation.xml", XML)));
        List<Finding> findings = read("ebs.snapshots");

        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.service()).isEqualTo("ec2");
            assertThat(g.operation()).isEqualTo("GetSnapshotBlockPublicAccessState");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.region()).isEqualTo("us-east-1");
        });
        assertThat(findings).extracting(Finding::checkId).doesNotContain("ebs.snapshot_public")
                .contains("ebs.snapshot_old", "ebs.snapshot_orphaned");
    }

    @Test
    void anAnswerWithoutStateIsAMalformedGap() {
        blockState("get-snapshot-block-public-access-state-no-state.xml");
        List<Finding> findings = read("ebs.snapshots");

        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.operation()).isEqualTo("GetSnapshotBlockPublicAccessState");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        });
        assertThat(findings).extracting(Finding::checkId).doesNotContain("ebs.snapshot_public");
    }

    @Test
    void noPublicSnapshotNoStateCall() {
        aws.stub(action("DescribeSnapshots").withRequestBody(containing("RestorableBy.1=all")).atPriority(1)
                .willReturn(fromFile("ec2/describe-snapshots-none.xml", XML)));
        List<Finding> findings = read("ebs.snapshots");

        assertThat(gaps).isEmpty();
        assertThat(findings).extracting(Finding::checkId).doesNotContain("ebs.snapshot_public");
        assertThat(blockStateCalls()).isZero();
    }
}
