package cloud.consolesensei.usage;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo run end to end: the usage checks' findings carry dollar figures from the demo Price List,
 * the EC2 Instances and EBS Volumes sheets (read back with POI) carry the usage columns, and the
 * run prints its Price List and GetMetricData figures next to the Cost Explorer line.
 */
@JobTest
class UsageDemoRunTest {

    @TempDir
    Path work;

    @Test
    void demoRunShowsIdleInstancesAndVolumesWithPricesInTheSheetsAndTheSummary() throws Exception {
        Path reports = work.resolve("reports");
        Cli.Result r = Cli.run(work, "run", "--demo", "--as-of", "2026-11-29", "--reports-dir",
                reports.toString(), "--no-email");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Cost Explorer requests:")
                // per region: one GetMetricData for instances and one for volumes, each in two pages
                .contains("CloudWatch GetMetricData: 16 call(s)")
                .contains("Price List requests: ");
        String csv = Files.readString(reports.resolve("2026-11-29/findings-all-2026-11-29.csv"));
        assertThat(csv).contains("i-0a1b2c3d4e5f60006,ec2.instance_idle,MEDIUM").contains(",140.16,")
                .contains("vol-0a1b2c3d4e5f6000a,ebs.volume_idle,LOW");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(reports.resolve("2026-11-29/consolesensei-all-2026-11-29.xlsx")))) {
            Map<String, String> idle = row(wb.getSheet("EC2 Instances"), "i-0a1b2c3d4e5f60006");
            assertThat(idle.get("Avg CPU %")).isEqualTo("1.2");
            assertThat(idle.get("Idle days")).isEqualTo("14");
            assertThat(idle.get("On-demand monthly (USD)")).contains("140.16");
            Map<String, String> fresh = row(wb.getSheet("EC2 Instances"), "i-0a1b2c3d4e5f60009");
            assertThat(fresh.get("Usage and price note")).contains("no CloudWatch datapoint");
            assertThat(fresh.get("On-demand monthly (USD)")).contains("15.18");
            Map<String, String> volume = row(wb.getSheet("EBS Volumes"), "vol-0a1b2c3d4e5f6000a");
            assertThat(volume.get("Read ops (window)")).isEqualTo("0");
            assertThat(volume.get("Days with data")).isEqualTo("7");
            assertThat(row(wb.getSheet("EBS Volumes"), "vol-0a1b2c3d4e5f60001").get("Write ops (window)")).isEqualTo("222600");
        }
    }

    /** The row of {@code id} as header -> formatted cell text. */
    private static Map<String, String> row(Sheet sheet, String id) {
        DataFormatter f = new DataFormatter();
        List<String> headers = new ArrayList<>();
        Row head = null;
        for (Row row : sheet) {
            for (Cell c : row) {
                if (head == null && "Account ID".equals(f.formatCellValue(c))) head = row;
            }
            if (head != null) break;
        }
        assertThat(head).as("header row of " + sheet.getSheetName()).isNotNull();
        for (Cell c : head) headers.add(f.formatCellValue(c));
        for (Row row : sheet) {
            boolean match = false;
            for (Cell c : row) match |= id.equals(f.formatCellValue(c));
            if (!match) continue;
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                Cell c = row.getCell(i);
                m.put(headers.get(i), c == null ? "" : f.formatCellValue(c));
            }
            return m;
        }
        throw new AssertionError(id + " not on sheet " + sheet.getSheetName());
    }
}
