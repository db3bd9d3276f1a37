package cloud.consolesensei.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code consolesensei.organizations} mistakes are configuration errors: exit 2, nothing run or written. */
@JobTest
class OrganizationsConfigTest {

    @TempDir
    Path work;

    static Stream<Arguments> cases() {
        String head = "consolesensei:\n  organizations:\n    discover: true\n";
        return Stream.of(
                Arguments.of("no role name", head + "    regions: [us-east-1]\n",
                        "consolesensei.organizations.role-name: required when discover is true"),
                Arguments.of("role ARN instead of name", head + "    role-name: 'arn:aws:iam::123456789012:role/audit'\n",
                        "consolesensei.organizations.role-name: 'arn:aws:iam::123456789012:role/audit' is not an IAM role name"),
                Arguments.of("bad OU id", head + "    role-name: audit\n    include: [ou-12]\n",
                        "consolesensei.organizations.include[0]: 'ou-12' is not an OU id"),
                Arguments.of("empty filter", head + "    role-name: audit\n    exclude: ['']\n",
                        "consolesensei.organizations.exclude[0]: empty"),
                Arguments.of("unknown region", head + "    role-name: audit\n    regions: [us-east-1, moon-1]\n",
                        "consolesensei.organizations.regions[1]: 'moon-1' is not an AWS region name"),
                Arguments.of("all-enabled with names", head + "    role-name: audit\n    regions: [all-enabled, us-east-1]\n",
                        "'all-enabled' stands alone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithExit2(String name, String yaml, String expected) throws Exception {
        Path config = work.resolve("org.yml");
        Files.writeString(config, yaml);
        Path reports = work.resolve("reports");

        Cli.Result r = Cli.run(work, "run", "--config", config.toString(), "--reports-dir", reports.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(reports).doesNotExist();
    }
}
