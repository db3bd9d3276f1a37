package cloud.consolesensei.cli;

import cloud.consolesensei.lock.AccountLocks;
import cloud.consolesensei.run.AuditRuns;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runs}: lists recent job executions. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List recent job executions: execution id, run id, start and end (UTC), status, whether its process"
                + " is alive, as-of, findings, accounts.",
                "ALIVE yes: the execution's process sent a heartbeat within 60 s (it holds its accounts);"
                        + " a STARTED execution that is not alive was interrupted and can be restarted."})
public class RunsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many executions (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            spec.commandLine().getErr().println("error: --limit " + limit + ": must be at least 1");
            return 2;
        }
        return AppContext.run(common, List.of(), spec.commandLine().getErr(), ctx -> {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            // START_TIME/END_TIME: Spring Batch's LocalDateTime in this JVM's zone, read back as an instant in it
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT e.JOB_EXECUTION_ID AS id, e.START_TIME AS started, e.END_TIME AS ended, e.STATUS AS status,"
                            + " p.PARAMETER_VALUE AS run_id,"
                            + " (SELECT COUNT(*) FROM run_finding f WHERE f.run_id = p.PARAMETER_VALUE AND f.status <> 'RESOLVED') AS findings"
                            + " FROM BATCH_JOB_EXECUTION e"
                            + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'run.id'"
                            + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", limit);
            Map<String, AuditRuns.Listed> runs = ctx.getBean(AuditRuns.class)
                    .listed(rows.stream().map(r -> (String) r.get("run_id")).distinct().toList(), SHOWN);
            Set<Long> alive = ctx.getBean(AccountLocks.class).alive(rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList());
            var out = spec.commandLine().getOut();
            out.printf("%-6s %-36s %-19s %-19s %-10s %-5s %-10s %8s  %s%n", "ID", "RUN ID", "START (UTC)", "END (UTC)",
                    "STATUS", "ALIVE", "AS OF", "FINDINGS", "ACCOUNTS");
            for (Map<String, Object> r : rows) {
                AuditRuns.Listed run = runs.get((String) r.get("run_id"));
                boolean live = alive.contains(((Number) r.get("id")).longValue());
                out.printf("%-6s %-36s %-19s %-19s %-10s %-5s %-10s %8s  %s%n", r.get("id"), r.get("run_id"),
                        utc(r.get("started")), utc(r.get("ended")),
                        r.get("status"), live ? "yes" : "no", run == null ? "" : run.asOf(), r.get("findings"), accounts(run));
            }
            if (rows.isEmpty()) out.println("(no job executions yet: run `run` first)");
            return 0;
        });
    }

    /** Account ids listed per run; past this, their count and the first ones. */
    static final int SHOWN = 3;

    /** {@code 111111111111, 222222222222}, or {@code 5000 accounts: 100000000000, ... } past {@link #SHOWN}. */
    static String accounts(AuditRuns.Listed run) {
        if (run == null || run.accounts() == 0) return "";
        String ids = String.join(", ", run.firstIds());
        return run.accounts() <= SHOWN ? ids : run.accounts() + " accounts: " + ids + ", ...";
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A job repository time as UTC, whole seconds; {@code -} when not set yet. */
    static String utc(Object t) {
        if (t == null) return "-";
        Instant i = t instanceof Timestamp ts ? ts.toInstant()
                : t instanceof LocalDateTime ldt ? ldt.atZone(ZoneId.systemDefault()).toInstant()
                : t instanceof OffsetDateTime odt ? odt.toInstant()
                : null;
        if (i == null) throw new IllegalStateException("unexpected job repository time " + t.getClass().getName());
        return UTC.format(i);
    }
}
