package cloud.consolesensei.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.PostgresSchemas;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The per-account cap and the step lock across workers: each lease has a PostgreSQL session of its
 * own, as each worker process does, so what one lease holds another cannot take, whatever JVM it
 * runs in; a lease's end (a worker's end, {@code kill -9} included) frees what it held.
 */
@Tag("postgres")
class PartitionLeaseTest {

    private final DriverManagerDataSource db = new DriverManagerDataSource(PostgresSchemas.SERVER, PostgresSchemas.USER, "");

    @Test
    void accountSlotsCapTheAccountAcrossSessions() {
        String account = "987650000001";
        try (PartitionLease a = PartitionLease.open(db); PartitionLease b = PartitionLease.open(db);
             PartitionLease c = PartitionLease.open(db)) {
            assertThat(a.tryAccountSlot(account, 2)).isEqualTo(0);
            assertThat(b.tryAccountSlot(account, 2)).isEqualTo(1);
            assertThat(c.tryAccountSlot(account, 2)).as("third partition of the account, cap 2").isEqualTo(-1);
            assertThat(c.tryAccountSlot("987650000002", 2)).as("another account is not capped by the first").isEqualTo(0);

            a.close();
            try (PartitionLease d = PartitionLease.open(db)) {
                assertThat(d.tryAccountSlot(account, 2)).as("the slot the ended lease held").isEqualTo(0);
            }
        }
    }

    @Test
    void aStepRunsInOneSessionAtATime() {
        try (PartitionLease a = PartitionLease.open(db); PartitionLease b = PartitionLease.open(db)) {
            assertThat(a.tryStep(900_001)).isTrue();
            assertThat(b.tryStep(900_001)).isFalse();
            assertThat(b.tryStep(900_002)).isTrue();
            a.close();
            assertThat(b.tryStep(900_001)).isTrue();
        }
    }

    @Test
    void accountIdsFoldIntoTheLockKey() {
        assertThat(PartitionLease.accountKey("111111111111")).isNotEqualTo(PartitionLease.accountKey("222222222222"));
        assertThat(PartitionLease.accountKey("111111111111")).isEqualTo(PartitionLease.accountKey("111111111111"));
    }
}
