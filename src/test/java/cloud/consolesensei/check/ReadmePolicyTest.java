package cloud.consolesensei.check;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.autoscaling.AutoScalingModule;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.ebs.EbsModule;
import cloud.consolesensei.ec2.Ec2Module;
import cloud.consolesensei.iam.IamModule;
import cloud.consolesensei.s3.S3Module;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's least-privilege policy lists exactly the IAM actions the catalog's checks declare
 * (plus ec2:DescribeRegions for all-enabled regions), so the documented policy cannot drift.
 */
class ReadmePolicyTest {

    @Test
    void readmePolicyListsEveryActionTheChecksNeed() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```json", readme.indexOf("## Least-privilege IAM policy"));
        String json = readme.substring(start, readme.indexOf("```", start + 7));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("\"([a-z0-9]+:[A-Za-z]+)\"").matcher(json);
        while (m.find()) documented.add(m.group(1));

        Set<String> needed = new TreeSet<>(List.of("ec2:DescribeRegions", "ce:GetCostAndUsage", "ce:GetCostForecast"));
        List<ServiceModule> modules = List.of(new Ec2Module(), new EbsModule(), new AutoScalingModule(), new S3Module(),
                new IamModule());
        for (ServiceModule module : modules) {
            for (CheckDefinition d : module.definitions()) {
                d.iamActions().stream().filter(a -> !a.startsWith("sts:")).forEach(needed::add);
            }
        }
        assertThat(documented).isEqualTo(needed);
    }
}
