package cloud.consolesensei.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark harness from rotting: a tiny synthetic estate (2 accounts x 2 regions) served
 * over HTTP to the real SDK, audited in this JVM, read back, measured against its floor. Every
 * operation the audit calls must be one the fake AWS answers, and nothing may become a coverage gap.
 * The baseline replay of the audit's calls must make each of them again exactly as recorded.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void auditsATinySyntheticEstateWithoutGapsAndMeasuresTheFloor() throws Exception {
        EstateSpec spec = EstateSpec.tiny();
        AuditBenchmark.Result r = AuditBenchmark.run(spec,
                new AuditBenchmark.Options(2, 4, 2, 0, null, null, work));

        String report = AuditBenchmark.describe(r, Optional.empty(), Optional.empty());
        assertThat(r.stats().unknown()).as(report).isEmpty();
        assertThat(r.exitCode()).as(report).isZero();
        assertThat(r.gaps()).as(report).isZero();
        assertThat(r.findings()).as(report).isGreaterThan(50);
        // every service of the estate was asked, per account
        assertThat(r.stats().byOperation()).containsKeys("ec2:DescribeInstances", "ec2:DescribeVolumes",
                "ec2:DescribeSnapshots", "autoscaling:DescribeAutoScalingGroups", "s3:ListBuckets", "iam:ListUsers",
                "iam:ListRoles", "iam:GetCredentialReport", "ce:GetCostAndUsage", "sts:AssumeRole", "monitoring:GetMetricData",
                "pricing:GetProducts");
        assertThat(r.stats().byOperation().get("s3:GetBucket:versioning")).isEqualTo((long) spec.accounts() * spec.buckets());
        // 2 accounts x (2 regions + global) partitions
        assertThat(r.stats().byPartition()).hasSize(spec.accounts() * (spec.regions() + 1));
        assertThat(r.floorSeconds()).isPositive();
        // the baseline made every recorded call again, each exactly as the audit made it
        assertThat(r.replayed()[0]).isGreaterThan(100);
        assertThat(r.replayed()[1]).as(report).isEqualTo(r.replayed()[0]);
        assertThat(r.baseline().calls()).isEqualTo(r.replayed()[0]);
        assertThat(report).contains("baseline (the audit's calls replayed by a bare SDK loop");
        assertThat(report).contains("wall/floor");
    }
}
