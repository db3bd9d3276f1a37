package cloud.consolesensei.s3;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.finding.Finding;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class S3InventoryRowTest {

    private final S3BucketSource source = new S3BucketSource();

    @Test
    void bucketRowCarriesItsRegionAndTheSheetsColumnsInOrder() {
        S3Bucket b = Buckets.clean().region("eu-west-1", List.of()).blocks(Observed.absent(), Observed.present(PublicAccessBlock.ALL_ON))
                .versioning(Observed.absent()).lifecycle(Observed.absent()).build();
        InventoryRow row = source.inventoryRow(b, TestReads.checkContext("111111111111", Finding.GLOBAL));
        assertThat(row.sheet()).isEqualTo("S3 Buckets");
        assertThat(row.region()).isEqualTo("eu-west-1");
        assertThat(row.resourceId()).isEqualTo("b");
        assertThat(row.cells()).hasSize(source.sheet().columns().size()).containsExactly("b",
                Instant.parse("2024-01-01T00:00:00Z"), false, "bucket missing; account all on", "Never enabled", false, true);
    }

    @Test
    void unknownInputsLeaveCellsEmpty() {
        S3Bucket b = Buckets.clean().blocks(Observed.absent(), Observed.unknown()).policyPublic(Observed.present(true))
                .policy(Observed.unknown()).versioning(Observed.unknown()).lifecycle(Observed.unknown()).build();
        InventoryRow row = source.inventoryRow(b, TestReads.checkContext("111111111111", Finding.GLOBAL));
        assertThat(row.cells()).containsExactly("b", Instant.parse("2024-01-01T00:00:00Z"), null,
                "bucket missing; account unknown", null, null, null);
    }

    @Test
    void theAccountItemHasNoRow() {
        assertThat(source.inventoryRow(new S3Account("111111111111", Observed.absent()),
                TestReads.checkContext("111111111111", Finding.GLOBAL))).isNull();
    }
}
