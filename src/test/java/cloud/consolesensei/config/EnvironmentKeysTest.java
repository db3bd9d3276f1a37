package cloud.consolesensei.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which {@code CONSOLESENSEI_*} environment variables are configuration keys under Spring Boot's relaxed binding. */
class EnvironmentKeysTest {

    @Test
    void theKeysTheReadmeAndComposeFileSetAreKeys() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : new String[] {"CONSOLESENSEI_REPORTS_DIR", "CONSOLESENSEI_WEB_USERS_0_USERNAME",
                "CONSOLESENSEI_WEB_USERS_0_PASSWORD", "CONSOLESENSEI_WEB_USERS_12_ROLE", "CONSOLESENSEI_SCHEDULE_AUDIT",
                "CONSOLESENSEI_SCHEDULE_ZONE", "CONSOLESENSEI_PARTITIONING_MODE", "CONSOLESENSEI_PARTITIONING_TIMEOUT",
                "CONSOLESENSEI_MAIL_FROM", "CONSOLESENSEI_MAIL_RECIPIENTS", "CONSOLESENSEI_MAIL_RECIPIENTS_1",
                "CONSOLESENSEI_AWS_CONCURRENCY", "CONSOLESENSEI_AWS_CONCURRENCY_PER_ACCOUNT", "CONSOLESENSEI_AWS_CONCURRENCYPERACCOUNT",
                "CONSOLESENSEI_ACCOUNTS_0_ID", "CONSOLESENSEI_ACCOUNTS_0_REGIONS_1", "CONSOLESENSEI_ACCOUNTS_0_ROLE_ARN",
                "CONSOLESENSEI_CHECKS_EBS_SNAPSHOT_OLD_MAX_AGE_DAYS", "CONSOLESENSEI_COST_PAYER_ACCOUNT",
                "CONSOLESENSEI_ORGANIZATIONS_DISCOVER", "CONSOLESENSEI_WEB_OIDC_ROLE_CLAIM", "CONSOLESENSEI_ADMIN_HASH",
                "SPRING_DATASOURCE_PASSWORD", "PATH"}) {
            env.put(k, "x");
        }
        assertThat(EnvironmentKeys.problems(env)).isEmpty();
    }

    @Test
    void aMisspeltKeyIsNamedWithTheNearestOne() {
        assertThat(EnvironmentKeys.problems(Map.of("CONSOLESENSEI_AWS_MAX_ATTEMPS", "3"))).containsExactly(
                "environment variable CONSOLESENSEI_AWS_MAX_ATTEMPS: not a configuration key;"
                        + " did you mean CONSOLESENSEI_AWS_MAX_ATTEMPTS? (unset it, or fix its name)");
        assertThat(EnvironmentKeys.problems(Map.of("CONSOLESENSEI_DB_PASSWORD", "s3cret"))).singleElement().asString()
                .startsWith("environment variable CONSOLESENSEI_DB_PASSWORD: not a configuration key")
                .doesNotContain("s3cret");
    }
}
