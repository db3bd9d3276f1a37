package cloud.consolesensei.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runs}: lists recent job executions. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List recent job executions: id, start, end, status, accounts, findings.")
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
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT e.JOB_EXECUTION_ID AS id, e.START_TIME AS started, e.END_TIME AS ended, e.STATUS AS status,"
                            + " p.PARAMETER_VALUE AS run_id, r.accounts AS accounts, r.as_of AS as_of,"
                            + " (SELECT COUNT(*) FROM run_finding f WHERE f.run_id = p.PARAMETER_VALUE AND f.status <> 'RESOLVED') AS findings"
                            + " FROM BATCH_JOB_EXECUTION e"
                            + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'run.id'"
                            + " LEFT JOIN audit_run r ON r.run_id = p.PARAMETER_VALUE"
                            + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", limit);
            var out = spec.commandLine().getOut();
            out.printf("%-6s %-19s %-19s %-10s %-10s %8s  %s%n", "ID", "START (UTC)", "END (UTC)", "STATUS", "AS OF", "FINDINGS", "ACCOUNTS");
            for (Map<String, Object> r : rows) {
                out.printf("%-6s %-19s %-19s %-10s %-10s %8s  %s%n", r.get("id"), time(r.get("started")), time(r.get("ended")),
                        r.get("status"), r.get("as_of") == null ? "" : r.get("as_of"), r.get("findings"),
                        r.get("accounts") == null ? "" : r.get("accounts"));
            }
            if (rows.isEmpty()) out.println("(no job executions yet: run `run` first)");
            return 0;
        });
    }

    private static String time(Object t) {
        if (t == null) return "-";
        String s = t.toString();
        return s.length() > 19 ? s.substring(0, 19) : s;
    }
}
