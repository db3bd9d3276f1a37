package cloud.consolesensei;

import cloud.consolesensei.config.ConfigValidator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind every command. It is started by the CLI
 * ({@link ConsoleSensei}), never on its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleSenseiApplication {

    /**
     * Validates the whole configuration before the first database connection: a bad configuration
     * stops the program (exit 2) before anything is created or written.
     */
    /**
     * Migrations: the portable ones plus the database's own (the Spring Batch schema). The vendor is
     * read from {@code spring.datasource.url}, not from a connection, so nothing touches the database
     * before the configuration is validated.
     */
    @Bean
    FlywayConfigurationCustomizer vendorMigrations(Environment env) {
        return c -> {
            String vendor = DatabaseDriver.fromJdbcUrl(env.getProperty("spring.datasource.url", "")).getId();
            c.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        };
    }

    @Bean
    FlywayMigrationStrategy validateThenMigrate(ConfigValidator validator) {
        return flyway -> {
            validator.validate();
            flyway.migrate();
        };
    }
}
