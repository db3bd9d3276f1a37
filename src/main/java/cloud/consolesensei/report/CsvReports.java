package cloud.consolesensei.report;

import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.FindingStore;
import cloud.consolesensei.finding.StoredFinding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The findings and coverage CSVs of README: UTF-8 starting with a byte order mark (so Excel
 * reads them as UTF-8, not as the system code page), RFC 4180, exact header rows, streamed row by
 * row from the stores (flat memory), every text cell neutralised ({@link CsvCells}).
 */
@Component
public class CsvReports {

    /** The findings CSV header, exactly as README fixes it ({@code suppression_reason} right after {@code last_seen}). */
    public static final String[] FINDINGS_HEADER = {"account_id", "account_name", "region", "service", "resource_type",
            "resource_id", "check_id", "severity", "title", "detail", "monthly_cost_usd", "status", "first_seen", "last_seen",
            "suppression_reason"};

    /** The coverage CSV header, exactly as README fixes it. */
    public static final String[] COVERAGE_HEADER = {"account_id", "region", "service", "operation", "error_class",
            "message", "remedy", "info"};

    /** U+FEFF, written first: Excel takes a CSV for UTF-8 only when it starts with this mark. */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private final FindingStore findings;
    private final CoverageStore coverage;

    public CsvReports(FindingStore findings, CoverageStore coverage) {
        this.findings = findings;
        this.coverage = coverage;
    }

    /** Writes the findings CSV of {@code scope} to {@code file}. */
    public void writeFindings(ReportScope scope, Path file) {
        try (FindingsCsv out = open(file)) {
            findings.forEachSeen(scope.runId(), scope.accountIds(), out);
        }
    }

    /**
     * Opens a findings CSV to be fed row by row, e.g. by the same pass over the findings that writes
     * the workbook's Findings sheet (one read of the store for both).
     */
    public FindingsCsv open(Path file) {
        return new FindingsCsv(file);
    }

    /**
     * A findings CSV written to {@code out} (e.g. an HTTP response: the web console's export of
     * filtered findings), same header and cells as the run's findings CSV; closing it closes {@code out}.
     */
    public FindingsCsv open(Writer out) {
        return new FindingsCsv(out);
    }

    /** A findings CSV being written: header first, then one row per {@link #accept}ed finding. */
    public static final class FindingsCsv implements Consumer<StoredFinding>, AutoCloseable {

        private final CSVPrinter printer;

        private FindingsCsv(Path file) {
            try {
                printer = new CSVPrinter(utf8WithBom(file), CSVFormat.RFC4180.builder().setHeader(FINDINGS_HEADER).get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        private FindingsCsv(Writer out) {
            try {
                printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(FINDINGS_HEADER).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void accept(StoredFinding sf) {
            Finding f = sf.finding();
            print(printer, f.accountId(), sf.accountName(), f.region(), f.service(), f.resourceType(), f.resourceId(),
                    f.checkId(), f.severity().name(), f.title(), f.detail(),
                    f.monthlyCostUsd() == null ? "" : f.monthlyCostUsd().toPlainString(), sf.status().name(),
                    sf.firstSeen().toString(), sf.lastSeen().toString(), sf.suppressionReason());
        }

        @Override
        public void close() {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes the coverage CSV of {@code scope} to {@code file}. */
    public void writeCoverage(ReportScope scope, Path file) {
        try (Writer w = utf8WithBom(file);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(COVERAGE_HEADER).get())) {
            coverage.forEach(scope.runId(), scope.accountIds(), g -> print(p, g.accountId(), g.region(), g.service(),
                    g.operation(), g.errorClass().name(), g.message(), g.remedy(), Boolean.toString(g.info())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A UTF-8 writer of {@code file} that has already written the byte order mark. Every CSV the
     * program writes opens its file here.
     */
    public static Writer utf8WithBom(Path file) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(BYTE_ORDER_MARK);
        return w;
    }

    private static void print(CSVPrinter p, String... cells) {
        try {
            Object[] safe = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) safe[i] = CsvCells.safe(cells[i]);
            p.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
