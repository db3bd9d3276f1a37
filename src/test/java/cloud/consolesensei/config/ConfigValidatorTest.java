package cloud.consolesensei.config;

import cloud.consolesensei.autoscaling.AutoScalingModule;
import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.ebs.EbsModule;
import cloud.consolesensei.ec2.Ec2Module;
import cloud.consolesensei.iam.IamModule;
import cloud.consolesensei.s3.S3Module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The semantic checks of the configuration, on the bound {@link ConsoleSenseiProperties} record
 * without starting the application: YAML loaded as Spring Boot loads it (origins kept, so each
 * problem names file and line), bound by Spring Boot's binder, validated. The command line's side
 * of it (exit 2, nothing written, one line per problem) is {@code BadConfigurationTest}'s.
 */
class ConfigValidatorTest {

    @TempDir
    Path dir;

    /** The catalog of the modules that need no AWS client to list their checks. */
    private static final CheckCatalog CATALOG = new CheckCatalog(List.of(new Ec2Module(), new EbsModule(),
            new AutoScalingModule(), new S3Module(), new IamModule()));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("short account id", "consolesensei:\n  accounts:\n    - id: '12345'\n      regions: [us-east-1]\n",
                        "consolesensei.accounts[0].id: '12345' is not an AWS account ID"),
                Arguments.of("unknown region", "consolesensei:\n  accounts:\n    - id: '123456789012'\n      regions: [us-east-1, mars-north-1]\n",
                        "consolesensei.accounts[0].regions[1]: 'mars-north-1' is not an AWS region name"),
                Arguments.of("negative budget", "consolesensei:\n  accounts:\n    - id: '123456789012'\n      regions: [us-east-1]\n      monthly-budget-usd: -5\n",
                        "monthly-budget-usd: '-5' must not be negative"),
                Arguments.of("bad role ARN", "consolesensei:\n  accounts:\n    - id: '123456789012'\n      regions: [us-east-1]\n      role-arn: 'arn:aws:iam::12:role'\n",
                        "role-arn: 'arn:aws:iam::12:role' is not an IAM role ARN"),
                Arguments.of("suppression without reason", "consolesensei:\n  suppressions:\n    - check: ebs.volume_gp2\n      resource: 'vol-*'\n",
                        "consolesensei.suppressions[0].reason: required"),
                Arguments.of("unknown check id", "consolesensei:\n  checks:\n    ec2.no_such_check:\n      enabled: false\n",
                        "unknown check id 'ec2.no_such_check'"),
                Arguments.of("bad cron", "consolesensei:\n  schedule:\n    audit: 'every night'\n",
                        "consolesensei.schedule.audit: 'every night' is not a Spring cron expression"),
                Arguments.of("unknown cost metric", "consolesensei:\n  cost:\n    metric: 'NetUnblendedCost'\n",
                        "consolesensei.cost.metric: 'NetUnblendedCost' is not a supported Cost Explorer metric; allowed:"
                                + " UnblendedCost, AmortizedCost, NetAmortizedCost, BlendedCost"),
                Arguments.of("short payer account", "consolesensei:\n  cost:\n    payer-account: '12345'\n",
                        "consolesensei.cost.payer-account: '12345' is not an AWS account ID (12 digits"),
                Arguments.of("bad suppression regex (one line, no caret line)", "consolesensei:\n  suppressions:\n    - check: ebs.volume_gp2\n      resource: 'regex:([a-z'\n      reason: y\n",
                        "consolesensei.suppressions[0].resource: 'regex:([a-z' is not a valid regular expression: Unclosed character class at index 4"),
                Arguments.of("unknown suppression check", "consolesensei:\n  suppressions:\n    - check: s3.no_such\n      resource: x\n      reason: y\n",
                        "consolesensei.suppressions[0].check: 's3.no_such' is not a check id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesTheKeyTheValueAndWhatIsAllowed(String name, String yaml, String expected) throws IOException {
        ConfigValidator validator = validator(yaml);

        assertThatThrownBy(validator::validate).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(expected));
            assertThat(e.problems()).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
            // each problem is said once
            assertThat(e.problems()).doesNotHaveDuplicates();
        });
    }

    @Test
    void aProblemNamesTheFileAndLineItComesFrom() throws IOException {
        ConfigValidator validator = validator("consolesensei:\n  accounts:\n    - id: '12345'\n      regions: [us-east-1]\n");

        assertThatThrownBy(validator::validate).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith(file() + ":3:"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        ConfigValidator validator = validator("consolesensei:\n  accounts:\n    - id: '12345'\n      regions: [mars-north-1]\n"
                + "  schedule:\n    audit: 'every night'\n");

        assertThatThrownBy(validator::validate).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void aValidConfigurationPasses() throws IOException {
        ConfigValidator validator = validator("consolesensei:\n  accounts:\n    - id: '123456789012'\n      regions: [us-east-1]\n"
                + "  suppressions:\n    - check: ebs.volume_gp2\n      resource: 'vol-*'\n      reason: migrating in Q1\n");

        validator.validate();
        assertThat(validator.checkSettings()).isNotNull();
    }

    /** {@code yaml} as the file {@code audit.yml}, loaded, bound and handed to a validator. */
    private ConfigValidator validator(String yaml) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        Files.writeString(file(), yaml);
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("audit.yml", new FileSystemResource(file()))) {
            env.getPropertySources().addFirst(source);
        }
        ConsoleSenseiProperties props = Binder.get(env).bindOrCreate("consolesensei",
                Bindable.of(ConsoleSenseiProperties.class));
        return new ConfigValidator(props, env, CATALOG);
    }

    private Path file() {
        return dir.resolve("audit.yml");
    }
}
