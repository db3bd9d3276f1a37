package cloud.consolesensei.report;

import cloud.consolesensei.coverage.CoverageStore;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.stereotype.Component;

/**
 * The Coverage sheet: every (account, region, service, operation) that could not be read, with
 * its error class and remedy. An empty sheet says so in words: no gap is not the same as unread.
 */
@Component
public class CoverageSheet {

    private final CoverageStore store;

    public CoverageSheet(CoverageStore store) {
        this.store = store;
    }

    /** Writes the Coverage sheet. */
    public void write(ReportWorkbook wb, ReportScope scope) {
        SXSSFSheet sheet = wb.sheet("Coverage");
        List<String> h = List.of("Account ID", "Region", "Service", "Operation", "Error class", "Kind", "Message", "Remedy");
        wb.header(sheet, 0, h);
        int[] row = {1};
        store.forEach(scope.runId(), scope.accountIds(), g -> {
            Row r = sheet.createRow(row[0]++);
            wb.set(r, 0, g.accountId(), false);
            wb.set(r, 1, g.region(), false);
            wb.set(r, 2, g.service(), false);
            wb.set(r, 3, g.operation(), false);
            wb.set(r, 4, g.errorClass().label(), false);
            wb.set(r, 5, g.info() ? "info" : "gap", false);
            wb.set(r, 6, g.message(), false).setCellStyle(wb.wrapStyle());
            wb.set(r, 7, g.remedy(), false).setCellStyle(wb.wrapStyle());
            wb.fitWrapped(r, 70, g.message(), g.remedy());
        });
        if (row[0] == 1) {
            wb.set(sheet.createRow(1), 0, "Every API call of every account, region and service was read: no coverage gaps.", false);
        }
        wb.autoFilter(sheet, 0, Math.max(1, row[0] - 1), h.size());
        wb.widths(sheet, 14, 12, 12, 28, 22, 6, 70, 70);
    }
}
