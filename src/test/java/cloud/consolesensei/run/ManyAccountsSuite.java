package cloud.consolesensei.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.demo.DemoAwsClients;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRegistry;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.invoicing.InvoicingClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * A run of 5,000 configured accounts, all asked for by id, on one database engine: the selection
 * reaches the job by reference (no job parameter near Spring Batch's 2,500 characters), the plan's
 * 5,000 accounts are stored as rows, and the history reads them back (latest as-of, previous run of
 * an account, the {@code runs} listing). Two accounts answer; the role of every other one cannot be
 * assumed (a coverage gap each), so the run audits little and the test stays quick. No service
 * module is loaded: the plan and the runs' bookkeeping are under test.
 */
@JobTest
abstract class ManyAccountsSuite {

    static final int ACCOUNTS = 5_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    /** A CLI (its configuration file and database) of the engine under test, with {@code yaml} added. */
    abstract Cli cli(Path dir, String yaml) throws Exception;

    static String id(int i) {
        return Long.toString(100_000_000_000L + i);
    }

    static List<String> ids() {
        return IntStream.range(0, ACCOUNTS).mapToObj(ManyAccountsSuite::id).toList();
    }

    static String yaml() {
        StringBuilder y = new StringBuilder("consolesensei:\n  accounts:\n");
        for (String id : ids()) {
            y.append("    - id: \"").append(id).append("\"\n      name: acct-").append(id)
                    .append("\n      role-arn: arn:aws:iam::").append(id).append(":role/audit\n      regions: [us-east-1]\n");
        }
        return y.toString();
    }

    @Test
    void aRunOfFiveThousandAccounts() throws Exception {
        Cli cli = cli(dir.resolve("a"), yaml());
        SpringApplication app = new SpringApplication(ConsoleSenseiApplication.class, PlanOnly.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setRegisterShutdownHook(false);
        String runId = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext ctx = app.run("--spring.config.additional-location=file:" + cli.config())) {
            AuditRunner runner = ctx.getBean(AuditRunner.class);
            RunOutcome o = runner.run(new RunRequest(runId, AS_OF, ids(), List.of(), cli.reportsDir(), true, false, false));
            assertThat(o.status()).as(o.messages().toString()).isEqualTo("COMPLETED");
            assertThat(o.exitCode()).as("every account but two is a coverage gap").isEqualTo(3);
            assertThat(o.gaps()).isEqualTo(ACCOUNTS - 2);

            assertThat(cli.number("SELECT COUNT(*) FROM run_selection WHERE run_id = ?", runId)).isEqualTo(ACCOUNTS);
            assertThat(cli.number("SELECT COUNT(*) FROM run_account WHERE run_id = ?", runId)).isEqualTo(ACCOUNTS);
            assertThat(cli.number("SELECT MAX(LENGTH(PARAMETER_VALUE)) FROM BATCH_JOB_EXECUTION_PARAMS")).isLessThan(300);
            AuditRuns runs = ctx.getBean(AuditRuns.class);
            assertThat(runs.accounts(runId)).hasSize(ACCOUNTS).startsWith(id(0)).endsWith(id(ACCOUNTS - 1));
            assertThat(runs.selection(runId)).hasSize(ACCOUNTS);

            assertThat(runs.latestCompletedAsOf(ids(), null)).contains(AS_OF);
            // an id that is a substring of a planned one is not "audited" (no LIKE '%id%')
            assertThat(runs.latestCompletedAsOf(List.of("00000000004"), null)).isEmpty();
            assertThatThrownBy(() -> runner.run(new RunRequest(UUID.randomUUID().toString(), AS_OF.minusDays(1),
                    List.of(id(4_321)), List.of(), cli.reportsDir(), true, false, false)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("before " + AS_OF);

            String second = UUID.randomUUID().toString();
            RunOutcome one = runner.run(new RunRequest(second, AS_OF, List.of(id(1)), List.of(), cli.reportsDir(), true, false, false));
            assertThat(one.exitCode()).as(one.messages().toString()).isZero();
            assertThat(runs.previousOfAccount(second, id(1))).contains(runId);
            assertThat(runs.previousOfAccount(runId, id(10))).isEmpty();
        }
        Cli.Result listing = cli.cli("runs");
        assertThat(listing.code()).as(listing.err()).isZero();
        assertThat(listing.out()).contains(ACCOUNTS + " accounts: " + id(0) + ", " + id(1) + ", " + id(2) + ", ...")
                .contains("COMPLETED");
        assertThat(Files.exists(cli.report("findings", "all", AS_OF, "csv"))).isTrue();
    }

    /** No service module (nothing to read); STS answers for the first two accounts only. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PlanOnly {

        @Bean
        static BeanFactoryPostProcessor noServiceModules() {
            return bf -> {
                for (String name : bf.getBeanNamesForType(ServiceModule.class, true, false)) {
                    ((BeanDefinitionRegistry) bf).removeBeanDefinition(name);
                }
            };
        }

        @Bean
        RunRegistry.AwsClientsFactory twoReachable() {
            return request -> new TwoReachable(new DemoAwsClients(request.asOf()), Set.of(id(0), id(1)));
        }
    }

    /** The demo's clients, except that AssumeRole is denied outside {@code reachable}. */
    record TwoReachable(AwsClients clients, Set<String> reachable) implements AwsClients {

        @Override
        public StsClient sts(AccountTarget account, String region) {
            if (reachable.contains(account.id())) return clients.sts(account, region);
            return new StsClient() {
                @Override
                public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
                    String msg = "User: arn:aws:iam::999999999999:user/auditor is not authorized to perform: sts:AssumeRole"
                            + " on resource: " + account.roleArn();
                    throw (StsException) StsException.builder().statusCode(403).message(msg)
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("Sts")
                                    .errorMessage(msg).build()).build();
                }

                @Override
                public String serviceName() {
                    return SERVICE_NAME;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Ec2Client ec2(AccountTarget account, String region) {
            return clients.ec2(account, region);
        }

        @Override
        public AutoScalingClient autoScaling(AccountTarget account, String region) {
            return clients.autoScaling(account, region);
        }

        @Override
        public S3Client s3(AccountTarget account, String region) {
            return clients.s3(account, region);
        }

        @Override
        public S3ControlClient s3Control(AccountTarget account, String region) {
            return clients.s3Control(account, region);
        }

        @Override
        public IamClient iam(AccountTarget account) {
            return clients.iam(account);
        }

        @Override
        public BudgetsClient budgets(AccountTarget account) {
            return clients.budgets(account);
        }

        @Override
        public InvoicingClient invoicing(AccountTarget account) {
            return clients.invoicing(account);
        }

        @Override
        public CostExplorerClient costExplorer(AccountTarget account) {
            return clients.costExplorer(account);
        }

        @Override
        public OrganizationsClient organizations(AccountTarget account) {
            return clients.organizations(account);
        }

        @Override
        public CloudWatchClient cloudWatch(AccountTarget account, String region) {
            return clients.cloudWatch(account, region);
        }

        @Override
        public PricingClient pricing(AccountTarget account) {
            return clients.pricing(account);
        }

        @Override
        public boolean demo() {
            return false;
        }

        @Override
        public void close() {
            clients.close();
        }
    }
}
