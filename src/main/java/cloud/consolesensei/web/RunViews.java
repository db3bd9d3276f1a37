package cloud.consolesensei.web;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.RunCounts;
import cloud.consolesensei.finding.RunHistory;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.job.AuditJobConfig;
import cloud.consolesensei.job.ExecutionRecorder;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.report.ReportFiles;
import cloud.consolesensei.run.AuditRuns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads job executions of the audit job as {@link RunView}s, newest first, from the job repository
 * and the findings store: a bounded number of queries per execution (the figures are the run's
 * stored totals), so a page of 500 runs reads no finding row.
 */
@ConditionalOnServe
@Service
public class RunViews {

    /** Most executions one page lists. */
    public static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final RunHistory history;
    private final CoverageStore coverage;
    private final ReportFiles files;
    private final ExecutionRecorder outcomes;
    private final Liveness liveness;
    private final AuditRuns runs;

    public RunViews(JdbcTemplate jdbc, RunHistory history, CoverageStore coverage, ReportFiles files,
                    ExecutionRecorder outcomes, Liveness liveness, AuditRuns runs) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.history = history;
        this.coverage = coverage;
        this.files = files;
        this.outcomes = outcomes;
        this.liveness = liveness;
    }

    /**
     * At most {@code limit} executions, newest first, with ids below {@code before} when given.
     *
     * @param limit 1..{@value #MAX_LIMIT}
     */
    public List<RunView> list(int limit, Long before) {
        List<Row> rows = jdbc.query("SELECT e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME, e.CREATE_TIME, e.END_TIME"
                        + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                        + " WHERE i.JOB_NAME = ?" + (before == null ? "" : " AND e.JOB_EXECUTION_ID < " + before)
                        + " ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> row(rs), AuditJobConfig.JOB);
        List<RunView> out = new ArrayList<>();
        for (Row r : rows) out.add(view(r));
        return out;
    }

    /** One execution of the audit job. */
    public Optional<RunView> get(long executionId) {
        return jdbc.query("SELECT e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME, e.CREATE_TIME, e.END_TIME"
                        + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                        + " WHERE i.JOB_NAME = ? AND e.JOB_EXECUTION_ID = ?", (rs, n) -> row(rs), AuditJobConfig.JOB, executionId)
                .stream().findFirst().map(this::view);
    }

    /** The latest execution of a run that audited {@code accountId}, if any. */
    public Optional<RunView> lastRunOf(String accountId) {
        Optional<String> run = runs.latestOfAccount(accountId);
        if (run.isEmpty()) return Optional.empty();
        Long id = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS"
                + " WHERE PARAMETER_NAME = 'run.id' AND PARAMETER_VALUE = ?", Long.class, run.get());
        return id == null ? Optional.empty() : get(id);
    }

    /** The accounts the latest AWS Organizations discovery included (none without discovery). */
    public List<AccountTarget> discoveredAccounts() {
        return jdbc.query("SELECT a.account_id, a.name FROM org_account a WHERE a.included = TRUE AND a.run_id ="
                        + " (SELECT d.run_id FROM org_discovery d ORDER BY d.discovered_at DESC FETCH FIRST 1 ROWS ONLY)"
                        + " ORDER BY a.position",
                (rs, n) -> new AccountTarget(rs.getString(1), rs.getString(2), null, null, List.of(), List.of(), null, List.of()));
    }

    /** The request (job parameters) of an execution. */
    public Optional<RunRequest> request(long executionId) {
        List<Map<String, Object>> params = jdbc.queryForList("SELECT PARAMETER_NAME, PARAMETER_VALUE FROM"
                + " BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?", executionId);
        if (params.isEmpty()) return Optional.empty();
        JobParametersBuilder b = new JobParametersBuilder();
        for (Map<String, Object> p : params) {
            Object v = p.get("PARAMETER_VALUE");
            b.addString((String) p.get("PARAMETER_NAME"), v == null ? "" : v.toString(), false);
        }
        JobParameters jp = b.toJobParameters();
        String runId = jp.getString("run.id");
        return runId == null ? Optional.empty() : Optional.of(RunRequest.from(jp, runs.selection(runId)));
    }

    private record Row(long id, String status, Instant started, Instant ended) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp start = rs.getTimestamp("START_TIME");
        if (start == null) start = rs.getTimestamp("CREATE_TIME");
        Timestamp end = rs.getTimestamp("END_TIME");
        return new Row(rs.getLong("JOB_EXECUTION_ID"), rs.getString("STATUS"), seconds(start), seconds(end));
    }

    private static Instant seconds(Timestamp t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private RunView view(Row r) {
        RunRequest req = request(r.id()).orElseThrow();
        AuditRuns.Listed listed = runs.listed(List.of(req.runId()), 0).get(req.runId());
        String scope = listed != null ? listed.scope() : req.scope();
        List<String> planned = runs.accounts(req.runId());
        List<String> accounts = !planned.isEmpty() ? planned : req.accountIds().isEmpty() ? null : req.accountIds();
        boolean ended = r.ended() != null;
        boolean alive = !ended && liveness.isAlive(r.id());
        Map<String, Integer> findings = null;
        BigDecimal savings = null;
        BigDecimal alerts = null;
        Integer gaps = null;
        Integer exit = null;
        if (ended) {
            RunCounts c = history.counts(req.runId(), accounts == null ? List.of() : accounts);
            findings = new LinkedHashMap<>();
            for (Severity s : Severity.values()) findings.put(s.name(), c.of(s));
            savings = c.savings();
            alerts = c.costAlerts();
            gaps = coverage.countBlocking(req.runId());
            exit = outcomes.exitCode(r.id()).orElse(null);
        }
        List<RunView.ReportLink> links = files.of(r.id()).stream().filter(f -> f.state() == ReportFiles.State.OWN)
                .map(f -> new RunView.ReportLink(f.name(), "/api/runs/" + r.id() + "/reports/" + f.name())).toList();
        return new RunView(r.id(), req.runId(), req.asOf(), scope, r.status(), alive, exit, r.started(), r.ended(),
                accounts, req.regions().isEmpty() ? null : req.regions(), findings, savings, alerts, gaps, links);
    }
}
