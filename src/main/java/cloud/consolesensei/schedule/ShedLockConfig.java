package cloud.consolesensei.schedule;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cluster lock of {@code serve}: ShedLock's JDBC provider on the application's database (table
 * {@code shedlock}, Flyway V3). Lock times come from the database clock ({@code usingDbTime()}),
 * so instances whose clocks disagree still agree on who holds a lock.
 */
@Configuration(proxyBeanMethods = false)
public class ShedLockConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
