package cloud.consolesensei.report;

import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.FindingStatus;
import cloud.consolesensei.finding.FindingStore;
import cloud.consolesensei.finding.StoredFinding;
import cloud.consolesensei.finding.Suppressions;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.stereotype.Component;

/**
 * The Findings, Suppressed and Changes sheets, streamed from the findings store. Findings has a
 * frozen header, an autofilter, severity colours, USD amounts, a console link per resource and the
 * check's remediation.
 */
@Component
public class FindingsSheets {

    private static final List<String> HEADERS = List.of("Severity", "Status", "Account ID", "Account name", "Region",
            "Service", "Resource type", "Resource ID", "Check ID", "Title", "Detail", "Monthly cost (USD)",
            "First seen", "Last seen", "Remediation");

    /** Width of the wrapped text columns (detail, remediation, reason), in characters. */
    private static final int WRAPPED_WIDTH = 60;

    private final FindingStore store;
    private final CheckCatalog catalog;

    public FindingsSheets(FindingStore store, CheckCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * The Findings sheet: what the run saw, suppressed ones excepted. Every finding read (suppressed
     * ones too) is also handed to {@code alsoEach}, so the findings CSV can be written in the same pass.
     * {@code alsoEach} runs on the calling thread as the rows are read; the sheet's rows are built on a
     * second thread ({@link HandOff}), so reading the store and writing the workbook overlap.
     */
    public void findings(ReportWorkbook wb, ReportScope scope, Consumer<StoredFinding> alsoEach) {
        SXSSFSheet sheet = wb.sheet("Findings");
        wb.header(sheet, 0, HEADERS);
        int[] row = {1};
        try (HandOff<StoredFinding> rows = new HandOff<>("findings-sheet", sf -> {
            if (sf.status() != FindingStatus.SUPPRESSED) row(wb, sheet, row[0]++, sf, remediation(sf.finding()));
        })) {
            store.forEachSeen(scope.runId(), scope.accountIds(), sf -> {
                alsoEach.accept(sf);
                rows.accept(sf);
            });
            rows.finish();
        }
        wb.autoFilter(sheet, 0, row[0] - 1, HEADERS.size());
        wb.widths(sheet, 10, 10, 14, 18, 12, 10, 16, 28, 34, 40, WRAPPED_WIDTH, 19, 12, 12, WRAPPED_WIDTH);
    }

    /** The Suppressed sheet: muted findings with their reasons, then suppressions that have expired. */
    public void suppressed(ReportWorkbook wb, ReportScope scope, Suppressions suppressions) {
        SXSSFSheet sheet = wb.sheet("Suppressed");
        List<String> h = List.of("Severity", "Account ID", "Region", "Resource ID", "Check ID", "Title", "Detail",
                "Monthly cost (USD)", "Reason");
        wb.header(sheet, 0, h);
        int[] row = {1};
        // the database selects the muted ones: no pass over every finding of the run for a few rows
        store.forEachWithRunStatus(scope.runId(), scope.accountIds(), FindingStatus.SUPPRESSED, sf -> {
            Finding f = sf.finding();
            Row r = sheet.createRow(row[0]++);
            wb.term(r, 0, f.severity().name()).setCellStyle(wb.severityStyle(f.severity()));
            wb.term(r, 1, f.accountId());
            wb.term(r, 2, f.region());
            wb.link(r, 3, f.resourceId(), ConsoleLinks.of(f));
            wb.term(r, 4, f.checkId());
            wb.term(r, 5, f.title());
            wb.set(r, 6, f.detail(), false).setCellStyle(wb.wrapStyle());
            wb.set(r, 7, f.monthlyCostUsd(), true);
            wb.set(r, 8, sf.suppressionReason(), false).setCellStyle(wb.wrapStyle());
            wb.fitWrapped(r, WRAPPED_WIDTH, f.detail(), sf.suppressionReason());
        });
        wb.autoFilter(sheet, 0, row[0] - 1, h.size());
        LocalDate asOf = scope.asOf();
        var expired = suppressions.expired(asOf);
        if (!expired.isEmpty()) {
            int r0 = row[0] + 1;
            Row t = sheet.createRow(r0++);
            wb.set(t, 0, "Expired suppressions (no longer applied on " + asOf + ")", false).setCellStyle(wb.titleStyle());
            wb.header(sheet, r0++, List.of("Check", "Resource", "Account", "Reason", "Expired"));
            sheet.createFreezePane(0, 1);
            for (var s : expired) {
                Row r = sheet.createRow(r0++);
                wb.set(r, 0, s.check(), false);
                wb.set(r, 1, s.resource(), false);
                wb.set(r, 2, s.account(), false);
                wb.set(r, 3, s.reason(), false);
                wb.set(r, 4, s.expires(), false);
            }
        }
        wb.widths(sheet, 10, 14, 12, 28, 34, 40, WRAPPED_WIDTH, 19, WRAPPED_WIDTH);
    }

    /** The Changes sheet: NEW and RESOLVED since the previous run of the same accounts. */
    public void changes(ReportWorkbook wb, ReportScope scope) {
        SXSSFSheet sheet = wb.sheet("Changes");
        List<String> h = List.of("Change", "Severity", "Account ID", "Region", "Resource ID", "Check ID", "Title",
                "Monthly cost (USD)", "First seen", "Resolved on");
        wb.header(sheet, 0, h);
        int[] row = {1};
        for (FindingStatus st : List.of(FindingStatus.NEW, FindingStatus.RESOLVED)) {
            store.forEachWithRunStatus(scope.runId(), scope.accountIds(), st, sf -> {
                Finding f = sf.finding();
                Row r = sheet.createRow(row[0]++);
                wb.term(r, 0, st.name());
                wb.term(r, 1, f.severity().name()).setCellStyle(wb.severityStyle(f.severity()));
                wb.term(r, 2, f.accountId());
                wb.term(r, 3, f.region());
                wb.link(r, 4, f.resourceId(), ConsoleLinks.of(f));
                wb.term(r, 5, f.checkId());
                wb.term(r, 6, f.title());
                wb.set(r, 7, f.monthlyCostUsd(), true);
                wb.set(r, 8, sf.firstSeen(), false);
                wb.set(r, 9, st == FindingStatus.RESOLVED ? scope.asOf() : null, false);
            });
        }
        if (row[0] == 1) {
            wb.set(sheet.createRow(1), 0, "No changes: nothing new and nothing resolved since the previous run.", false);
        }
        wb.autoFilter(sheet, 0, Math.max(1, row[0] - 1), h.size());
        wb.widths(sheet, 10, 10, 14, 12, 28, 34, 40, 19, 12, 12);
    }

    private void row(ReportWorkbook wb, SXSSFSheet sheet, int i, StoredFinding sf, String remediation) {
        Finding f = sf.finding();
        Row r = sheet.createRow(i);
        wb.term(r, 0, f.severity().name()).setCellStyle(wb.severityStyle(f.severity()));
        wb.term(r, 1, sf.status().name());
        wb.term(r, 2, f.accountId());
        wb.term(r, 3, sf.accountName());
        wb.term(r, 4, f.region());
        wb.term(r, 5, f.service());
        wb.term(r, 6, f.resourceType());
        wb.link(r, 7, f.resourceId(), ConsoleLinks.of(f));
        wb.term(r, 8, f.checkId());
        wb.term(r, 9, f.title());
        wb.set(r, 10, f.detail(), false).setCellStyle(wb.wrapStyle());
        wb.set(r, 11, f.monthlyCostUsd(), true);
        wb.set(r, 12, sf.firstSeen(), false);
        wb.set(r, 13, sf.lastSeen(), false);
        wb.term(r, 14, remediation).setCellStyle(wb.wrapStyle());
        wb.fitWrapped(r, WRAPPED_WIDTH, f.detail(), remediation);
    }

    private String remediation(Finding f) {
        return catalog.find(f.checkId()).map(CheckDefinition::remediation).orElse(null);
    }
}
