package cloud.consolesensei.retention;

import cloud.consolesensei.config.ConsoleSenseiProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes run history and report files past {@code consolesensei.retention.*}, counted back from the
 * as-of date of the run that just succeeded (never from the wall clock: a back-dated run never
 * deletes its own data, and the cut-off moves only as the audited days do).
 * <ul>
 *   <li>History ({@code history-days}): every finished run whose as-of date is older, with all it
 *       stored: its Spring Batch job instance, executions, step executions and contexts (through
 *       {@link JobRepository#deleteJobInstance}, Spring Batch's own cascade), the findings, coverage
 *       gaps, inventory, totals, accounts and Organizations listing of the run, its report file list,
 *       exit code and heartbeat; and the findings (current state) last seen before the cut-off. The
 *       Cost Explorer and Price List caches are not history: they hold prices and costs by period.</li>
 *   <li>Reports ({@code reports-days}): the files this program writes
 *       ({@code <prefix>-<scope>-<as-of>.xlsx|csv|eml}) in {@code <reports-dir>/<as-of>/} folders
 *       older than the cut-off; a folder left empty goes too. Nothing else in the reports folder is
 *       touched.</li>
 * </ul>
 * The running run is never deleted, nor a run that has not finished.
 */
@Component
public class Retention {

    /** Run tables keyed by {@code run_id}, children before {@code audit_run}. */
    private static final List<String> RUN_TABLES = List.of("run_finding", "coverage_gap", "inventory_row",
            "org_account", "org_discovery", "run_account_total", "run_account", "run_selection", "audit_run");
    /** Tables keyed by {@code execution_id}. */
    private static final List<String> EXECUTION_TABLES = List.of("report_file", "execution_outcome",
            "execution_heartbeat");
    /** A report file of its as-of folder: {@code <prefix>-<scope>-<as-of>.<xlsx|csv|eml>}. */
    private static final Pattern REPORT_FILE = Pattern.compile("[a-z][a-z0-9-]*-.+-(\\d{4}-\\d{2}-\\d{2})\\.(xlsx|csv|eml)");

    /** What one pass deleted. */
    public record Deleted(int runs, int findings, int reportFiles) {
    }

    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final TransactionTemplate tx;
    private final ConsoleSenseiProperties.Retention settings;

    public Retention(JdbcTemplate jdbc, JobRepository repository, PlatformTransactionManager tx,
                     ConsoleSenseiProperties props) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.tx = new TransactionTemplate(tx);
        this.settings = props.retention();
    }

    /**
     * Applies both retentions after the run {@code currentRunId} (as of {@code asOf}) succeeded.
     *
     * @param reportsDir the reports root that run wrote to
     */
    public Deleted afterSuccess(String currentRunId, LocalDate asOf, Path reportsDir) {
        LocalDate historyCutoff = asOf.minusDays(settings.historyDays());
        int runs = 0;
        for (String runId : jdbc.queryForList("SELECT run_id FROM audit_run WHERE as_of < ? AND finished_at IS NOT NULL"
                + " AND run_id <> ? ORDER BY as_of", String.class, historyCutoff, currentRunId)) {
            tx.executeWithoutResult(s -> deleteRun(runId));
            runs++;
        }
        Integer findings = tx.execute(s -> jdbc.update("DELETE FROM finding WHERE last_seen < ?", historyCutoff));
        int files = deleteReports(reportsDir, asOf.minusDays(settings.reportsDays()));
        return new Deleted(runs, findings == null ? 0 : findings, files);
    }

    private void deleteRun(String runId) {
        List<Long> executions = jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS"
                + " WHERE PARAMETER_NAME = 'run.id' AND PARAMETER_VALUE = ?", Long.class, runId);
        Set<Long> instances = new LinkedHashSet<>();
        for (long id : executions) {
            for (String table : EXECUTION_TABLES) jdbc.update("DELETE FROM " + table + " WHERE execution_id = ?", id);
            JobExecution e = repository.getJobExecution(id);
            if (e != null && instances.add(e.getJobInstance().getInstanceId())) {
                JobInstance instance = e.getJobInstance();
                repository.deleteJobInstance(instance);
            }
        }
        for (String table : RUN_TABLES) jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
    }

    /** Report files in as-of folders older than {@code cutoff}; returns how many were deleted. */
    private static int deleteReports(Path root, LocalDate cutoff) {
        if (!Files.isDirectory(root)) return 0;
        int deleted = 0;
        try (DirectoryStream<Path> days = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path day : days) {
                LocalDate date = date(day.getFileName().toString());
                if (date == null || !date.isBefore(cutoff)) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(day)) {
                    for (Path f : files) {
                        var m = REPORT_FILE.matcher(f.getFileName().toString());
                        if (Files.isRegularFile(f) && m.matches() && m.group(1).equals(day.getFileName().toString())) {
                            Files.delete(f);
                            deleted++;
                        }
                    }
                }
                try (DirectoryStream<Path> left = Files.newDirectoryStream(day)) {
                    if (!left.iterator().hasNext()) Files.delete(day);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("retention: cannot delete old reports under " + root + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    private static LocalDate date(String name) {
        try {
            return name.length() == 10 ? LocalDate.parse(name) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
