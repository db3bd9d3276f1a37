package cloud.consolesensei;

import cloud.consolesensei.config.ConfigValidator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
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
    @Bean
    FlywayMigrationStrategy validateThenMigrate(ConfigValidator validator) {
        return flyway -> {
            validator.validate();
            flyway.migrate();
        };
    }
}
