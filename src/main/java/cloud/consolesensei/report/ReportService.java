package cloud.consolesensei.report;

import cloud.consolesensei.finding.RunHistory;
import cloud.consolesensei.finding.StoredFinding;
import cloud.consolesensei.finding.Suppressions;
import cloud.consolesensei.launch.ShortRunCompilation;
import cloud.consolesensei.price.PriceTable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes one run's reports under {@code <reports-dir>/<as-of>/} (README,
 * "Outputs"): the workbook {@code consolesensei-<scope>-<as-of>.xlsx}, {@code findings-<scope>-<as-of>.csv}
 * and {@code coverage-<scope>-<as-of>.csv}. Each file is written to a temporary name in the same
 * folder and moved into place when complete, so no reader ever sees a half-written report.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    /** Rows SXSSF keeps in memory per sheet before flushing to its temp file. */
    private static final int ROW_WINDOW = 200;

    private final SummarySheet summary;
    private final FindingsSheets findings;
    private final InventorySheets inventory;
    private final CoverageSheet coverage;
    private final CsvReports csv;
    private final List<WorkbookContributor> contributors;
    private final RunHistory history;
    /** {@code consolesensei.workbook-template}, or blank for the shipped template. */
    private final String templatePath;
    /** Read at the first workbook, after the configuration validator has named a bad file (exit 2). */
    private volatile WorkbookTemplate template;

    public ReportService(SummarySheet summary, FindingsSheets findings, InventorySheets inventory, CoverageSheet coverage,
                         CsvReports csv, List<WorkbookContributor> contributors, RunHistory history,
                         @Value("${consolesensei.workbook-template:}") String templatePath) {
        this.history = history;
        this.templatePath = templatePath;
        this.summary = summary;
        this.findings = findings;
        this.inventory = inventory;
        this.coverage = coverage;
        this.csv = csv;
        this.contributors = contributors;
    }

    /** The folder of one as-of date's reports. */
    public static Path folder(Path reportsDir, ReportScope scope) {
        return reportsDir.resolve(scope.asOf().toString());
    }

    /** File name of a report: {@code <prefix>-<scope>-<as-of>.<ext>}. */
    public static String name(String prefix, ReportScope scope, String ext) {
        return prefix + "-" + scope.scope() + "-" + scope.asOf() + "." + ext;
    }

    /**
     * Writes the workbook and both CSVs.
     *
     * @return the written files, workbook first
     * @throws UncheckedIOException when the folder or a file cannot be written (the job fails: exit 1)
     */
    public List<Path> write(ReportScope scope, Path reportsDir, Suppressions suppressions, PriceTable prices) {
        compileForSize(scope);
        Path dir = folder(reportsDir, scope);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the reports folder " + dir, e);
        }
        List<Path> out = new ArrayList<>();
        Path findingsCsv = dir.resolve(name("findings", scope, "csv"));
        Path findingsPart = part(findingsCsv);
        try {
            // one read of the findings store feeds both the Findings sheet and the findings CSV
            try (CsvReports.FindingsCsv rows = csv.open(findingsPart)) {
                out.add(atomically(dir.resolve(name("consolesensei", scope, "xlsx")),
                        tmp -> workbook(scope, tmp, suppressions, prices, rows)));
            }
            out.add(publish(findingsPart, findingsCsv));
        } finally {
            deleteQuietly(findingsPart);
        }
        out.add(atomically(dir.resolve(name("coverage", scope, "csv")), tmp -> csv.writeCoverage(scope, tmp)));
        return out;
    }

    /**
     * A short-lived command compiles with C1 only ({@link ShortRunCompilation}); writing a report of at least
     * {@link ShortRunCompilation#LONG_REPORT_FINDINGS} findings is long CPU-bound work where C2 repays its
     * compile time, so it gets C2 back before the first row (the run's stored totals: one row per account).
     */
    private void compileForSize(ReportScope scope) {
        if (!ShortRunCompilation.active()) return;
        int n = history.counts(scope.runId(), scope.accountIds()).total();
        if (n >= ShortRunCompilation.LONG_REPORT_FINDINGS && ShortRunCompilation.restoreC2()) {
            log.info("{} findings: a long report, compiled with C2 from here on (README, Performance and scale)", n);
        }
    }

    /**
     * Writes only the workbook of {@code scope} ({@code consolesensei-<scope>-<as-of>.xlsx}), e.g. the
     * one-account workbook an account's email summary attaches; no CSV is written.
     *
     * @return the written workbook
     * @throws UncheckedIOException when the folder or the file cannot be written
     */
    public Path writeWorkbook(ReportScope scope, Path reportsDir, Suppressions suppressions, PriceTable prices) {
        Path dir = folder(reportsDir, scope);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the reports folder " + dir, e);
        }
        return atomically(dir.resolve(name("consolesensei", scope, "xlsx")),
                tmp -> workbook(scope, tmp, suppressions, prices, f -> { }));
    }

    private void workbook(ReportScope scope, Path file, Suppressions suppressions, PriceTable prices,
                          Consumer<StoredFinding> alsoEachFinding) {
        XSSFWorkbook base = template().open(scope.scope(), scope.asOf().toString(), scope.runId());
        try (ReportWorkbook wb = new ReportWorkbook(new FastStreamingWorkbook(base, ROW_WINDOW), footer(scope))) {
            summary.write(wb, scope, "as of " + prices.asOf() + ": " + prices.source());
            findings.findings(wb, scope, alsoEachFinding);
            findings.changes(wb, scope);
            contributors.stream().sorted(Comparator.comparingInt(WorkbookContributor::order))
                    .forEach(c -> c.contribute(wb, scope));
            inventory.write(wb, scope);
            findings.suppressed(wb, scope, suppressions);
            coverage.write(wb, scope);
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.poi().write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + file, e);
        }
    }

    private WorkbookTemplate template() {
        WorkbookTemplate t = template;
        if (t == null) {
            t = templatePath.isBlank() ? WorkbookTemplate.shipped() : WorkbookTemplate.of(Path.of(templatePath));
            template = t;
        }
        return t;
    }

    /** The left footer of every printed page: what was audited, as of when. */
    static String footer(ReportScope scope) {
        return (scope.demo() ? "DEMO - " : "") + "ConsoleSensei Cloud - scope " + scope.scope() + " - as of "
                + scope.asOf() + " (UTC) - run " + scope.runId();
    }

    private static Path part(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /** Moves a complete temporary file into place (atomically where the file system can). */
    private static Path publish(Path tmp, Path target) {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a left-over part file is harmless: it is never a report
        }
    }

    /** Writes {@code target} through a temporary file in the same folder, then moves it into place. */
    public static Path atomically(Path target, Consumer<Path> writer) {
        Path tmp = part(target);
        try {
            writer.accept(tmp);
            return publish(tmp, target);
        } finally {
            deleteQuietly(tmp); // the target is either complete or untouched
        }
    }
}
