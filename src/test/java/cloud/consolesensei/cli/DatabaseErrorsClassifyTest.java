package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * Which failures {@link DatabaseErrors} names as the database's: a refused connection only below a
 * JDBC failure, never another service's (RabbitMQ's refusal is the broker's line, not the database's).
 */
class DatabaseErrorsClassifyTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?password=secret";

    @Test
    void aRefusalBelowAJdbcFailureIsTheDatabases() {
        SQLException jdbc = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));

        assertThat(DatabaseErrors.describe(new IllegalStateException("start", jdbc), URL)).hasValueSatisfying(line ->
                assertThat(line).startsWith("the database jdbc:postgresql://127.0.0.1:5432/test?password=").contains("cannot be reached")
                        .doesNotContain("secret"));
    }

    @Test
    void anotherServicesRefusalIsNotTheDatabases() {
        Exception broker = new IllegalStateException("RabbitMQ at localhost:1", new ConnectException("Connection refused"));

        assertThat(DatabaseErrors.describe(broker, URL)).isEmpty();
    }
}
