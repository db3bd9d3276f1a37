package cloud.consolesensei.cli;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad configuration: one clear message naming the key and value, exit code 2, and nothing
 * written (no reports, no database files). The cases here are the ones the command line itself
 * words (YAML, binding, unknown keys) plus two the validator finds; the rest of the validator's
 * checks are {@code ConfigValidatorTest}'s, without starting the application for each.
 */
@JobTest
class BadConfigurationTest {

    @TempDir
    Path work;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("malformed YAML", "consolesensei:\n  accounts:\n    - id: '123456789012'\n   name: broken\n  : : :\n",
                        "not valid YAML"),
                Arguments.of("short account id", "consolesensei:\n  accounts:\n    - id: '12345'\n      regions: [us-east-1]\n",
                        "consolesensei.accounts[0].id: '12345' is not an AWS account ID"),
                Arguments.of("unknown key", "consolesensei:\n  acounts: []\n",
                        "consolesensei.acounts: unknown configuration key"),
                Arguments.of("unknown check id", "consolesensei:\n  checks:\n    ec2.no_such_check:\n      enabled: false\n",
                        "unknown check id 'ec2.no_such_check'"),
                Arguments.of("wrong type", "consolesensei:\n  aws:\n    max-attempts: lots\n",
                        "consolesensei.aws.max-attempts: 'lots' is not allowed: expected a whole number"),
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("misspelt section", "consolesens:\n  accounts: []\n", "did you mean 'consolesensei'?"),
                Arguments.of("YAML syntax with line", "consolesensei:\n  accounts:\n    - id: '123456789012'\n     name: x\n",
                        "audit.yml:4:6: not valid YAML"),
                Arguments.of("misspelt section with children names the section, once",
                        "consolesensei:\n  acounts:\n    - id: '123456789012'\n      regions: [us-east-1]\n",
                        "consolesensei.acounts: unknown configuration key; allowed here: accounts,"),
                Arguments.of("region of another partition", "consolesensei:\n  accounts:\n    - id: '123456789012'\n      regions: [us-east-1, us-gov-west-1]\n",
                        "consolesensei.accounts[0].regions[1]: 'us-gov-west-1' is a region of the aws-us-gov partition, not of the account's (aws:"),
                Arguments.of("suppression reason longer than the store keeps", "consolesensei:\n  suppressions:\n    - check: ebs.volume_gp2\n"
                        + "      resource: 'vol-*'\n      reason: '" + "r".repeat(2060) + "'\n",
                        "consolesensei.suppressions[0].reason: 2060 characters; at most 2048 (the length the findings store keeps"),
                Arguments.of("unknown nested key lists allowed ones", "consolesensei:\n  accounts:\n    - id: '123456789012'\n      regoins: [us-east-1]\n",
                        "allowed here: id, name, role-arn, external-id, regions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithExit2AndWritesNothing(String name, String yaml, String expected) throws IOException {
        Path config = work.resolve("audit.yml");
        Files.writeString(config, yaml);
        Path reports = work.resolve("reports");

        Cli.Result r = Cli.run(work, "run", "--config", config.toString(), "--reports-dir", reports.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        // each problem is said once, and the pointer to the example file at most once per line
        assertThat(r.err().lines().distinct().count()).isEqualTo(r.err().lines().count());
        r.err().lines().forEach(l -> assertThat(l.split("audit.example.yml", -1)).hasSizeLessThanOrEqualTo(2));
        assertThat(r.out()).doesNotContain("report:");
        assertThat(reports).doesNotExist();
        assertThat(work.resolve("data")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void missingConfigFileIsExit2() {
        Cli.Result r = Cli.run(work, "run", "--config", work.resolve("nope.yml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--config").contains("nope.yml").contains("no such readable file");
    }

    @org.junit.jupiter.api.Test
    void badUsageIsExit2() {
        assertThat(Cli.run(work, "run", "--as-of", "yesterday").code()).isEqualTo(2);
        assertThat(Cli.run(work, "run", "--account", "12").code()).isEqualTo(2);
        assertThat(Cli.run(work, "run", "--region", "moon-1").code()).isEqualTo(2);
        assertThat(Cli.run(work, "frobnicate").code()).isEqualTo(2);
    }

    /** The CLI and the API share one rule (RunRules): before, the CLI accepted tomorrow. */
    @org.junit.jupiter.api.Test
    void futureAsOfIsExit2NamingTheLatestAllowed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Cli.Result r = Cli.run(work, "run", "--demo", "--as-of", today.plusDays(1).toString(),
                "--reports-dir", work.resolve("reports").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("error: --as-of " + today.plusDays(1) + " is in the future; the latest allowed is "
                + today + " (today in UTC)");
        assertThat(r.out()).doesNotContain("job execution");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    /** Before, the CLI accepted regions of the China and GovCloud partitions for commercial accounts (the API refused them). */
    @org.junit.jupiter.api.Test
    void regionsOfAnotherPartitionAreExit2() {
        Cli.Result r = Cli.run(work, "run", "--demo", "--region", "cn-north-1", "--region", "us-gov-west-1",
                "--reports-dir", work.resolve("reports").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("error: --region 'cn-north-1' is a region of the aws-cn partition, not of the accounts' (aws)")
                .contains("error: --region 'us-gov-west-1' is a region of the aws-us-gov partition, not of the accounts' (aws)");
        assertThat(r.out()).doesNotContain("job execution");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void unknownAccountIsExit2() {
        Cli.Result r = Cli.run(work, "run", "--demo", "--account", "999999999999",
                "--reports-dir", work.resolve("reports").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--account '999999999999' is not a configured account");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void reportsFolderUnderAFileIsExit2() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        Cli.Result r = Cli.run(work, "run", "--demo", "--reports-dir", file.resolve("reports").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("reports folder").contains("is a file, not a folder");
        assertThat(work.resolve("data")).doesNotExist();
    }
}
