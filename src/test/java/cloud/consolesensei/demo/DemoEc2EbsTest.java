package cloud.consolesensei.demo;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.ec2.Ec2TestSupport.CATALOG;
import static cloud.consolesensei.ec2.Ec2TestSupport.readAndCheck;
import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.ebs.EbsModule;
import cloud.consolesensei.ec2.Ec2Module;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The demo estate, read through the real sources and the SDK's own paginators, fires every EC2 and EBS check. */
class DemoEc2EbsTest {

    private final List<Finding> findings = new ArrayList<>();
    private final List<CoverageGap> gaps = new ArrayList<>();

    DemoEc2EbsTest() {
        DemoAwsClients clients = new DemoAwsClients(AS_OF);
        List<ResourceSource<?>> sources = Stream.of(new Ec2Module(), new EbsModule())
                .map(ServiceModule::sources).flatMap(List::stream).toList();
        for (AccountTarget account : DemoEstate.ACCOUNTS) {
            for (String region : account.regions()) {
                for (ResourceSource<?> source : sources) {
                    findings.addAll(readAndCheck(source, readContext(clients, account, region, gaps)));
                }
            }
        }
    }

    @Test
    void everyEc2AndEbsCheckFiresAtLeastOnceWithoutGaps() {
        assertThat(gaps).isEmpty();
        Set<String> fired = findings.stream().map(Finding::checkId).collect(Collectors.toSet());
        assertThat(fired).containsExactlyInAnyOrderElementsOf(CATALOG.stream().map(CheckDefinition::id).toList());
        assertThat(CATALOG).hasSize(15);
    }

    @Test
    void bothDemoAccountsHaveFindingsAndEveryCostIsPriced() {
        assertThat(findings).extracting(Finding::accountId).contains("111111111111", "222222222222");
        assertThat(findings).filteredOn(f -> Set.of("ebs.volume_unattached", "ebs.volume_gp2", "ebs.snapshot_old",
                        "ebs.snapshot_orphaned", "ec2.eip_unassociated", "ec2.instance_stopped_long")
                        .contains(f.checkId()))
                .allSatisfy(f -> assertThat(f.monthlyCostUsd()).as(f.toString()).isNotNull());
    }

    @Test
    void cleanResourcesStayCleanAndSkippedOnesAreSkipped() {
        Set<String> flagged = findings.stream().map(Finding::resourceId).collect(Collectors.toSet());
        assertThat(flagged).doesNotContain("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60004", "i-0a1b2c3d4e5f60005",
                "vol-0a1b2c3d4e5f60001", "vol-0a1b2c3d4e5f60008", "snap-0a1b2c3d4e5f60001", "sg-0a1b2c3d4e5f60001",
                "sg-0a1b2c3d4e5f60004", "eipalloc-0a1b2c3d4e5f60001", "snap-0f0f0f0f0f0f0f0f0");
        // used by an own AMI though its volume is gone: old, but not orphaned
        assertThat(findings).filteredOn(f -> f.resourceId().equals("snap-0a1b2c3d4e5f60004"))
                .extracting(Finding::checkId).containsExactly("ebs.snapshot_old");
    }

    @Test
    void theSharpenedRulesLeaveTheirCasesUnflagged() {
        // IMDSv1 allowed with the endpoint disabled; shared with one named account; a copy and an import
        // (vol-ffffffff); public but in a block-all-sharing region
        Set<String> flagged = findings.stream().map(Finding::resourceId).collect(Collectors.toSet());
        assertThat(flagged).doesNotContain("i-0b1b2c3d4e5f60004", "snap-0a1b2c3d4e5f60006", "snap-0d1b2c3d4e5f60002",
                "snap-0d1b2c3d4e5f60003");
        assertThat(findings).filteredOn(f -> f.resourceId().equals("snap-0a1b2c3d4e5f60007"))
                .extracting(Finding::checkId).containsExactly("ebs.snapshot_old");
        // 200 GiB gp2: gp3 at matching throughput costs more (16.00 + 5.00 > 20.00); 2,000 GiB still saves
        assertThat(findings).filteredOn(f -> f.checkId().equals("ebs.volume_gp2"))
                .extracting(Finding::resourceId).doesNotContain("vol-0a1b2c3d4e5f60003")
                .contains("vol-0a1b2c3d4e5f60007", "vol-0a1b2c3d4e5f60002");
        assertThat(findings).filteredOn(f -> f.checkId().equals("ebs.volume_gp2")
                        && f.resourceId().equals("vol-0a1b2c3d4e5f60007"))
                .singleElement().satisfies(f -> assertThat(f.monthlyCostUsd()).isEqualByComparingTo("20.00"));
        // public in a block-new-sharing region
        assertThat(findings).filteredOn(f -> f.checkId().equals("ebs.snapshot_public"))
                .extracting(Finding::resourceId).containsExactly("snap-0a1b2c3d4e5f60005");
    }

    @Test
    void severitiesFollowTheCatalogRaises() {
        assertThat(findings).filteredOn(f -> f.checkId().equals("ec2.instance_imdsv1"))
                .extracting(Finding::resourceId, Finding::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("i-0a1b2c3d4e5f60002", Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("i-0b1b2c3d4e5f60001", Severity.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple("i-0d1b2c3d4e5f60001", Severity.HIGH));
        assertThat(findings).filteredOn(f -> f.checkId().equals("ec2.instance_stopped_long"))
                .extracting(Finding::resourceId, Finding::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("i-0a1b2c3d4e5f60003", Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple("i-0c1b2c3d4e5f60002", Severity.INFO));
    }

    @Test
    void idleInstancesAndVolumesWithTheirPricesFromTheDemoPriceList() {
        assertThat(findings).filteredOn(f -> f.checkId().equals("ec2.instance_idle") || f.checkId().equals("ebs.volume_idle"))
                .extracting(Finding::resourceId, f -> f.monthlyCostUsd() == null ? null : f.monthlyCostUsd().setScale(2,
                        java.math.RoundingMode.HALF_UP).toPlainString())
                .containsExactlyInAnyOrder(
                        // m5.xlarge Linux 0.192 USD/hour, t3.large Windows (license included) 0.1108, not BYOL or SQL
                        org.assertj.core.groups.Tuple.tuple("i-0a1b2c3d4e5f60006", "140.16"),
                        org.assertj.core.groups.Tuple.tuple("i-0a1b2c3d4e5f60007", "80.88"),
                        // Spot: judged, but the on-demand price is not what it costs
                        org.assertj.core.groups.Tuple.tuple("i-0a1b2c3d4e5f60008", null),
                        org.assertj.core.groups.Tuple.tuple("vol-0a1b2c3d4e5f6000a", "8.00"));
        assertThat(findings).filteredOn(f -> f.resourceId().equals("i-0a1b2c3d4e5f60007") && f.checkId().equals("ec2.instance_idle"))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("idle on 9 of the last 14 days")
                        .contains("Costs 80.88 USD/month on demand"));
        assertThat(findings).filteredOn(f -> f.resourceId().equals("i-0a1b2c3d4e5f60008"))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("Spot instance"));
    }

    @Test
    void instancesArePagedAndTerminatedOnesSkipped() {
        DemoAwsClients clients = new DemoAwsClients(AS_OF);
        List<String> ids = new cloud.consolesensei.ec2.InstanceSource()
                .read(readContext(clients, DemoEstate.PRODUCTION, "us-east-1", gaps))
                .map(v -> v.instance().instanceId()).toList();
        // page 1 holds two reservations, page 2 the other two (reached only through NextToken)
        assertThat(ids).containsExactly("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003",
                "i-0a1b2c3d4e5f60005", "i-0a1b2c3d4e5f60006", "i-0a1b2c3d4e5f60007", "i-0a1b2c3d4e5f60008",
                "i-0a1b2c3d4e5f60009");
        assertThat(gaps).isEmpty();
    }
}
