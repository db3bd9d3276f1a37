package cloud.consolesensei.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConnectionPoolSizerTest {

    private static HikariDataSource pool(int size) {
        HikariDataSource ds = new HikariDataSource();
        ds.setMaximumPoolSize(size);
        return ds;
    }

    @Test
    void raisesAPoolSmallerThanTheConcurrencyPlusHeadroom() {
        ConnectionPoolSizer sizer = new ConnectionPoolSizer();
        sizer.setEnvironment(new MockEnvironment().withProperty("consolesensei.aws.concurrency", "32"));
        try (HikariDataSource ds = pool(32)) {
            sizer.postProcessAfterInitialization(ds, "dataSource");
            assertThat(ds.getMaximumPoolSize()).isEqualTo(36);
        }
    }

    @Test
    void keepsALargerConfiguredPoolAndUsesTheDefaultConcurrency() {
        ConnectionPoolSizer sizer = new ConnectionPoolSizer();
        sizer.setEnvironment(new MockEnvironment());
        try (HikariDataSource big = pool(50); HikariDataSource small = pool(5)) {
            sizer.postProcessAfterInitialization(big, "dataSource");
            sizer.postProcessAfterInitialization(small, "other");
            assertThat(big.getMaximumPoolSize()).isEqualTo(50);
            assertThat(small.getMaximumPoolSize()).isEqualTo(12);
        }
    }
}
