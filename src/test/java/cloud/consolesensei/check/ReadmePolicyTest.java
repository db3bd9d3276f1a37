package cloud.consolesensei.check;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's least-privilege policy lists exactly the IAM actions that {@code doctor --policy}
 * prints. That command builds its list from every check of every registered service module (the
 * Spring context's {@link CheckCatalog}) plus the report data's actions, so a new module's
 * actions reach this comparison without anyone listing the module here.
 */
@JobTest
class ReadmePolicyTest {

    private static final Pattern ACTION = Pattern.compile("\"([a-z0-9-]+:[A-Za-z]+)\"");

    @Test
    void readmePolicyIsWhatDoctorPrints(@TempDir Path work) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```json", readme.indexOf("## Least-privilege IAM policy"));
        Set<String> documented = actions(readme.substring(start, readme.indexOf("```", start + 7)));

        Cli.Result policy = Cli.run(work, "doctor", "--policy");
        assertThat(policy.code()).as(policy.err()).isZero();
        Set<String> printed = actions(policy.out());

        assertThat(printed).contains("ec2:DescribeRegions", "cloudwatch:GetMetricData", "pricing:GetProducts",
                "budgets:ViewBudget", "invoicing:ListInvoiceSummaries", "ec2:GetSnapshotBlockPublicAccessState");
        assertThat(documented).isEqualTo(printed);
    }

    private static Set<String> actions(String json) {
        Set<String> found = new TreeSet<>();
        Matcher m = ACTION.matcher(json);
        while (m.find()) {
            if (!m.group(1).startsWith("sts:")) found.add(m.group(1));
        }
        return found;
    }
}
