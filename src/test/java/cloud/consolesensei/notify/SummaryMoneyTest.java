package cloud.consolesensei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The email summary's money agrees with the findings CSV of the same demo run: a check's count in
 * "Savings by check" is all its open findings, those without a price said apart (the demo's Spot
 * instance), and a cost alert in the list of new findings is an amount, not a monthly figure.
 */
@JobTest
class SummaryMoneyTest {

    private static final String AS_OF = "2026-11-29";

    @TempDir
    Path work;

    @Test
    void countsMatchTheCsvAndCostAlertsAreNotMonthly() throws Exception {
        Path reports = work.resolve("reports");
        Cli.Result r = Cli.run(work, "run", "--demo", "--as-of", AS_OF, "--reports-dir", reports.toString(), "--no-email");
        assertThat(r.code()).as(r.out() + r.err()).isZero();

        List<CSVRecord> findings = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(reports.resolve(AS_OF + "/findings-all-" + AS_OF + ".csv"))
                        .replace("\uFEFF", ""))).getRecords();
        List<CSVRecord> idle = findings.stream().filter(f -> f.get("check_id").equals("ec2.instance_idle")
                && !f.get("status").equals("RESOLVED")).toList();
        long unpriced = idle.stream().filter(f -> f.get("monthly_cost_usd").isEmpty()).count();
        assertThat(unpriced).as("the demo's Spot instance has no on-demand price").isPositive();

        String text = Mails.parts(Mails.read(reports.resolve(AS_OF + "/summary-all-" + AS_OF + ".eml"))).text();
        assertThat(text).contains("(ec2.instance_idle): " + idle.size() + " finding(s) (" + unpriced + " without a price), ");

        List<String> newLines = text.lines().filter(l -> l.startsWith("  - CRITICAL ") || l.startsWith("  - HIGH ")).toList();
        assertThat(newLines).filteredOn(l -> l.contains("(cost.") || l.contains("(billing."))
                .as("cost alerts among the new findings").isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches(".*, [0-9,]+\\.\\d\\d USD"));
        assertThat(newLines).filteredOn(l -> l.contains("(ec2.") || l.contains("(ebs."))
                .filteredOn(l -> l.contains(" USD"))
                .allSatisfy(l -> assertThat(l).endsWith(" USD/month"));
    }
}
