package cloud.consolesensei.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.demo.DemoAwsClients;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The run's accounts with discovery on, over the demo organization and a real (H2) store: explicit
 * entries first and winning, the discovery stored, and the same run id (a restarted execution)
 * getting the same accounts without asking Organizations again.
 */
class OrganizationAccountsRestartTest {

    private DiscoveryStore store;
    private OrganizationAccounts accounts;

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:orgs" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (var c = ds.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/common/V2__findings_store.sql"));
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/common/V40__organization_discovery.sql"));
        }
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DataSourceTransactionManager tx = new DataSourceTransactionManager(ds);
        store = new DiscoveryStore(jdbc, tx);
        ConsoleSenseiProperties.Organizations org = new ConsoleSenseiProperties.Organizations(true, "audit/ConsoleSenseiAudit",
                "ext-secret", List.of("us-east-1"), List.of(), List.of("DEMO-staging"));
        ConsoleSenseiProperties props = new ConsoleSenseiProperties(List.of(), org, null, null, List.of(),
                new ConsoleSenseiProperties.Aws("standard", 8, 8, 4, java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1), "us-east-1",
                        java.time.Duration.ofMillis(100), java.time.Duration.ofMinutes(2)),
                java.util.Map.of(), java.util.Map.of(), "./data", "./reports", null, null, null, null);
        accounts = new OrganizationAccounts(props, store, new CoverageStore(jdbc, tx));
    }

    @Test
    void explicitFirstThenDiscoveredAndARestartReadsTheStoredDiscovery() {
        AtomicInteger orgCalls = new AtomicInteger();
        AwsClients clients = counting(new DemoAwsClients(LocalDate.of(2026, 11, 29)), orgCalls);
        AccountTarget explicit = new AccountTarget("555555555555", "analytics-explicit", null, null, List.of("eu-west-1"),
                List.of(), new BigDecimal("100"), List.of("data@example.com"));

        List<AccountTarget> first = accounts.accounts("run-1", clients, List.of(explicit));

        assertThat(first).extracting(AccountTarget::id).containsExactly("555555555555", "111111111111", "333333333333");
        assertThat(first.get(0)).isSameAs(explicit);
        assertThat(first.get(1).roleArn()).isEqualTo("arn:aws:iam::111111111111:role/audit/ConsoleSenseiAudit");
        assertThat(first.get(1).externalId()).isEqualTo("ext-secret");
        assertThat(first.get(1).name()).isEqualTo("DEMO-production");
        assertThat(orgCalls.get()).isEqualTo(1);
        Discovery stored = store.load("run-1").orElseThrow();
        assertThat(stored.discovered()).extracting(OrgAccount::id)
                .containsExactly("111111111111", "222222222222", "333333333333", "444444444444", "555555555555");
        assertThat(stored.excluded()).extracting(OrgAccount::id, OrgAccount::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("222222222222", "excluded by exclude entry 'DEMO-staging'"),
                org.assertj.core.groups.Tuple.tuple("444444444444", "not ACTIVE (SUSPENDED)"));

        List<AccountTarget> restarted = accounts.accounts("run-1", clients, List.of(explicit));

        assertThat(restarted).isEqualTo(first);
        assertThat(orgCalls.get()).as("no second discovery").isEqualTo(1);
        assertThat(accounts.accounts("run-2", clients, List.of(explicit))).isEqualTo(first);
        assertThat(orgCalls.get()).isEqualTo(2);
    }

    @Test
    void ouPathsSurviveTheStore() {
        List<OrgAccount.OrgUnit> path = List.of(new OrgAccount.OrgUnit("r-ab12", "Root"),
                new OrgAccount.OrgUnit("ou-ab12-workloads", "Work/loads = 100% & more"));
        assertThat(DiscoveryStore.decode(DiscoveryStore.encode(path))).isEqualTo(path);
        assertThat(DiscoveryStore.decode(DiscoveryStore.encode(List.of()))).isEmpty();
    }

    /** The demo clients, counting how often an Organizations client is asked for. */
    private static AwsClients counting(AwsClients inner, AtomicInteger organizations) {
        return (AwsClients) Proxy.newProxyInstance(AwsClients.class.getClassLoader(), new Class<?>[] {AwsClients.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("organizations")) organizations.incrementAndGet();
                    return method.invoke(inner, args);
                });
    }
}
