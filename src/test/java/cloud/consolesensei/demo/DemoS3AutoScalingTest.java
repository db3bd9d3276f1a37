package cloud.consolesensei.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.autoscaling.AutoScalingModule;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.s3.S3Module;
import cloud.consolesensei.s3.TestReads;
import cloud.consolesensei.testkit.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The demo estate, read by the real sources: every S3 and Auto Scaling check fires, clean resources exist. */
class DemoS3AutoScalingTest {

    private final DemoAwsClients clients = new DemoAwsClients(Fixtures.AS_OF);
    private final Gaps gaps = new Gaps();
    private final List<Finding> findings = new ArrayList<>();
    private final List<InventoryRow> rows = new ArrayList<>();

    private void audit(ServiceModule module) {
        for (AccountTarget account : DemoEstate.ACCOUNTS) {
            for (ResourceSource<?> source : module.sources()) {
                List<String> regions = source.scope() == ResourceSource.Scope.GLOBAL ? List.of(Finding.GLOBAL) : account.regions();
                for (String region : regions) {
                    run(source, TestReads.context(account, region, clients, gaps));
                }
            }
        }
    }

    private <R> void run(ResourceSource<R> source, ReadContext ctx) {
        source.read(ctx).forEach(r -> {
            source.checks().forEach(c -> findings.addAll(c.evaluate(r, ctx.checkContext())));
            InventoryRow row = source.inventoryRow(r, ctx.checkContext());
            if (row != null) rows.add(row);
        });
    }

    private Set<String> ids(ServiceModule module) {
        return module.definitions().stream().map(CheckDefinition::id).collect(Collectors.toSet());
    }

    private Set<String> fired(String resourceId) {
        return findings.stream().filter(f -> f.resourceId().equals(resourceId)).map(Finding::checkId).collect(Collectors.toSet());
    }

    @Test
    void everyS3CheckFiresWithoutGapsAndCleanBucketsExist() {
        S3Module module = new S3Module();
        audit(module);

        assertThat(gaps.recorded()).isEmpty();
        assertThat(ids(module)).hasSize(7).allMatch(id -> id.startsWith("s3."));
        assertThat(findings.stream().map(Finding::checkId).collect(Collectors.toSet())).isEqualTo(ids(module));
        assertThat(rows).hasSize(9).allMatch(r -> r.sheet().equals("S3 Buckets"));

        assertThat(fired("demo-prod-app-assets")).isEmpty();
        assertThat(fired("demo-staging-clean")).isEmpty();
        assertThat(fired("111111111111")).isEmpty();
        assertThat(fired("222222222222")).containsExactly("s3.account_public_access_block_off");
        // No own block, but the account's block is fully on: no false positive; legacy EU location.
        assertThat(fired("demo-prod-logs-eu")).containsExactly("s3.bucket_versioning_disabled");
        assertThat(findings).filteredOn(f -> f.resourceId().equals("demo-prod-logs-eu"))
                .allMatch(f -> f.region().equals("eu-west-1"));
        // Public policy and ACL, neutralised by the account's RestrictPublicBuckets and IgnorePublicAcls.
        assertThat(fired("demo-prod-website")).containsExactlyInAnyOrder("s3.bucket_ssl_not_enforced", "s3.bucket_no_lifecycle");
        assertThat(fired("demo-prod-backups-sydney")).containsExactly("s3.bucket_outside_allowed_regions");
        assertThat(fired("demo-staging-share")).containsExactlyInAnyOrder("s3.bucket_public",
                "s3.bucket_public_access_block_off", "s3.bucket_ssl_not_enforced", "s3.bucket_versioning_disabled",
                "s3.bucket_no_lifecycle");
        assertThat(fired("demo-staging-acl-public")).containsExactlyInAnyOrder("s3.bucket_public",
                "s3.bucket_public_access_block_off");
        // A public ACL grant with BucketOwnerEnforced grants nothing.
        assertThat(fired("demo-staging-legacy-acl")).containsExactly("s3.bucket_public_access_block_off");
    }

    @Test
    void everyAutoScalingCheckFiresAcrossPagesAndCleanGroupsExist() {
        AutoScalingModule module = new AutoScalingModule();
        audit(module);

        assertThat(gaps.recorded()).isEmpty();
        assertThat(ids(module)).containsExactlyInAnyOrder("asg.single_az", "asg.launch_configuration", "asg.elb_health_check_off");
        assertThat(findings.stream().map(Finding::checkId).collect(Collectors.toSet())).isEqualTo(ids(module));
        assertThat(rows).extracting(InventoryRow::resourceId).containsExactlyInAnyOrder("prod-web", "prod-api-spot",
                "prod-batch-legacy", "prod-web-eu", "prod-reports-eu", "staging-web", "staging-worker");

        assertThat(fired("prod-web")).isEmpty();
        assertThat(fired("prod-api-spot")).isEmpty();
        assertThat(fired("staging-worker")).isEmpty();
        assertThat(fired("prod-batch-legacy")).containsExactlyInAnyOrder("asg.single_az", "asg.launch_configuration");
        assertThat(fired("prod-reports-eu")).containsExactly("asg.elb_health_check_off");
        assertThat(fired("staging-web")).containsExactlyInAnyOrder("asg.single_az", "asg.elb_health_check_off");
    }
}
