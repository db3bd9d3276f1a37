package cloud.consolesensei.bench;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.RunTotals;
import cloud.consolesensei.finding.Suppressions;
import cloud.consolesensei.launch.ShortRunCompilation;
import cloud.consolesensei.price.PriceTable;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportService;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report benchmark: fills the findings store of an H2 file database with {@code n} synthetic
 * findings of one run (JDBC batch inserts, in a first child JVM), then, in a second child JVM with
 * the heap bound under test, calls {@link ReportService#write} for that run and times it: the
 * workbook (SXSSF) and the CSVs stream from JDBC, so the heap must not grow with {@code n}.
 */
public final class ReportBenchmark {

    static final String RUN = "bench-report-run";
    static final LocalDate AS_OF = LocalDate.parse(AuditBenchmark.AS_OF);
    static final int ACCOUNTS = 100;
    /** The number of findings the time target is set for. */
    static final long TARGET_FINDINGS = 1_000_000;
    private static final String[][] CHECKS = {
            {"ec2", "instance", "ec2.instance_imds_v1", "MEDIUM"}, {"ec2", "instance", "ec2.instance_missing_tags", "LOW"},
            {"ec2", "instance", "ec2.instance_stopped_long", "LOW"}, {"ebs", "volume", "ebs.volume_unattached", "MEDIUM"},
            {"ebs", "volume", "ebs.volume_gp2", "LOW"}, {"ebs", "snapshot", "ebs.snapshot_old", "LOW"},
            {"ebs", "snapshot", "ebs.snapshot_orphaned", "LOW"}, {"s3", "bucket", "s3.bucket_versioning_disabled", "LOW"},
            {"iam", "user", "iam.access_key_not_rotated", "MEDIUM"}, {"iam", "role", "iam.role_unused", "LOW"},
            {"ec2", "security-group", "ec2.security_group_admin_ports_open", "HIGH"}, {"iam", "account", "iam.root_mfa_disabled", "CRITICAL"}};

    /**
     * What the write measured.
     *
     * @param findings   findings in the store
     * @param populate   time to fill the store (not part of the target)
     * @param write      time of {@link ReportService#write} (workbook + findings CSV + coverage CSV)
     * @param childWall  wall time of the writing JVM (start, context, write, exit)
     * @param peakHeapMiB largest heap occupancy before a collection in the writing JVM
     * @param peakLiveMiB largest heap occupancy after a collection
     * @param files      the written files with their sizes
     */
    public record Result(long findings, Duration populate, Duration write, Duration childWall, long peakHeapMiB,
                         long peakLiveMiB, List<String> files) {

        /** The time target is the issue's, for {@link #TARGET_FINDINGS} findings; the heap target holds at any size. */
        public boolean met(long maxSeconds, long maxHeapMiB) {
            return (findings != TARGET_FINDINGS || write.toSeconds() <= maxSeconds) && peakHeapMiB >= 0 && peakHeapMiB <= maxHeapMiB;
        }

        public String describe(long maxSeconds, long maxHeapMiB) {
            return String.format(Locale.ROOT, "findings %,d; store filled in %.1f s%nwrite (workbook + CSVs) %.1f s%s;"
                            + " writing JVM wall %.1f s%npeak heap %d MiB (live after full GC: %s)%s%nfiles: %s%n", findings,
                    populate.toMillis() / 1000.0, write.toMillis() / 1000.0,
                    findings != TARGET_FINDINGS ? "  (the " + maxSeconds + " s target is for 1,000,000 findings)"
                            : write.toSeconds() <= maxSeconds ? "  (target <= " + maxSeconds + " s: MET)"
                            : "  (target <= " + maxSeconds + " s: MISSED)",
                    childWall.toMillis() / 1000.0, peakHeapMiB, peakLiveMiB < 0 ? "no full GC" : peakLiveMiB + " MiB",
                    peakHeapMiB >= 0 && peakHeapMiB <= maxHeapMiB ? "  (target <= " + maxHeapMiB + " MiB: MET)"
                            : "  (target <= " + maxHeapMiB + " MiB: MISSED)", files);
        }
    }

    private ReportBenchmark() {
    }

    /** Fills a fresh store with {@code n} findings, then writes the reports under {@code xmx}. */
    public static Result run(long n, String xmx, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path db = work.resolve("data/report-bench");
        Files.deleteIfExists(Path.of(db + ".mv.db"));
        Path out = work.resolve("reports");
        Path populateLog = work.resolve("populate.out");
        long t0 = System.nanoTime();
        child("1g", null, populateLog, "populate", db.toString(), Long.toString(n));
        Duration populate = Duration.ofNanos(System.nanoTime() - t0);
        Path gc = work.resolve("report-gc.log");
        Path writeLog = work.resolve("write.out");
        long t1 = System.nanoTime();
        child(xmx, gc, writeLog, "write", db.toString(), out.toString());
        Duration wall = Duration.ofNanos(System.nanoTime() - t1);
        long writeMs = Files.readAllLines(writeLog).stream().filter(l -> l.startsWith("write-ms="))
                .mapToLong(l -> Long.parseLong(l.substring(9))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the writing JVM failed; see " + writeLog));
        long[] heap = AuditBenchmark.peakHeap(gc);
        List<String> files = new ArrayList<>();
        try (var s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                try {
                    files.add(f.getFileName() + " " + Files.size(f) / (1024 * 1024) + " MiB");
                } catch (IOException e) {
                    files.add(f.getFileName().toString());
                }
            });
        }
        return new Result(n, populate, Duration.ofMillis(writeMs), wall, heap[0], heap[1], files);
    }

    private static void child(String xmx, Path gc, Path log, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(AuditBenchmark.javaBin(), "-Xmx" + xmx, "-XX:+UseG1GC"));
        if (gc != null) cmd.add("-Xlog:gc:file=" + gc.toAbsolutePath());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ReportBenchmark.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", args) + " failed; see " + log);
    }

    /** Child entry: {@code populate DB N} or {@code write DB REPORTS_DIR}. */
    public static void main(String[] args) throws Exception {
        // the report as a run writes it: compiled as the jar compiles a short-lived command
        if ("write".equals(args[0])) ShortRunCompilation.applyFor(new String[] {"run"});
        SpringApplication app = new SpringApplication(ConsoleSenseiApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=jdbc:h2:file:" + Path.of(args[1]).toAbsolutePath(),
                "--logging.level.root=WARN")) {
            if ("populate".equals(args[0])) {
                populate(ctx.getBean(JdbcTemplate.class), Long.parseLong(args[2]));
                // what the audit's reconcile step does once the run's findings are settled
                List<String> ids = new ArrayList<>();
                for (int a = 0; a < ACCOUNTS; a++) ids.add(account(a).id());
                ctx.getBean(RunTotals.class).store(RUN, ids);
            } else {
                List<AccountTarget> accounts = new ArrayList<>();
                for (int a = 0; a < ACCOUNTS; a++) accounts.add(account(a));
                ReportScope scope = new ReportScope(RUN, "all", accounts, AS_OF, false);
                long t0 = System.nanoTime();
                List<Path> files = ctx.getBean(ReportService.class).write(scope, Path.of(args[2]), new Suppressions(List.of()),
                        PriceTable.bundled());
                System.out.println("write-ms=" + (System.nanoTime() - t0) / 1_000_000);
                files.forEach(f -> System.out.println("report: " + f));
            }
        }
    }

    static AccountTarget account(int a) {
        return new AccountTarget(Long.toString(100_000_000_000L + a), "bench-" + a, null, null,
                List.of("us-east-1", "eu-west-1", "us-west-2"), List.of(), null, List.of());
    }

    /** {@code n} findings of run {@link #RUN}, spread over accounts, regions and checks; 10% NEW, the rest OPEN. */
    static void populate(JdbcTemplate jdbc, long n) {
        jdbc.update("INSERT INTO audit_run (run_id, scope, as_of, demo, started_at, finished_at, status) VALUES (?,?,?,?,?,?,?)",
                RUN, "all", Date.valueOf(AS_OF), false, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), "COMPLETED");
        // in the order the audit writes them: each (account, region) partition commits chunks of 100, and
        // 32 partitions run at once, so the chunks of 32 partitions interleave
        long[] order = auditOrder(n);
        int batch = 5_000;
        for (int from = 0; from < n; from += batch) {
            int start = from;
            int size = (int) Math.min(batch, n - from);
            jdbc.batchUpdate("INSERT INTO finding (fingerprint, account_id, account_name, region, service, resource_type,"
                    + " resource_id, check_id, severity, title, detail, monthly_cost_usd, status, suppression_reason, first_seen,"
                    + " last_seen, resolved_on, last_run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,NULL,?)", rows(order, start, size, false));
            jdbc.batchUpdate("INSERT INTO run_finding (run_id, fingerprint, account_id, status, severity, monthly_cost_usd,"
                    + " check_id, region, resource_id) VALUES (?,?,?,?,?,?,?,?,?)", rows(order, start, size, true));
        }
    }

    /**
     * Finding numbers 0..n-1 in audit write order. Finding {@code i} belongs to partition
     * (account {@code i % ACCOUNTS}, region {@code i / ACCOUNTS % 3}); partitions are taken 32 at a
     * time (the concurrency), and within such a group one chunk of 100 of each partition in turn.
     */
    static long[] auditOrder(long n) {
        int partitions = ACCOUNTS * 3;
        int concurrency = 32;
        int chunk = 100;
        long[] order = new long[(int) n];
        int o = 0;
        for (int g = 0; g < partitions; g += concurrency) {
            for (long k0 = 0; ; k0 += chunk) {
                boolean any = false;
                for (int p = g; p < Math.min(partitions, g + concurrency); p++) {
                    // partition p = account p % ACCOUNTS, region p / ACCOUNTS: findings p, p + partitions, ...
                    for (long k = k0; k < k0 + chunk; k++) {
                        long i = p + (long) partitions * k;
                        if (i >= n) break;
                        order[o++] = i;
                        any = true;
                    }
                }
                if (!any) break;
            }
        }
        return order;
    }

    private static String account(long i) {
        return Long.toString(100_000_000_000L + i % ACCOUNTS);
    }

    private static String region(long i) {
        return List.of("us-east-1", "eu-west-1", "us-west-2").get((int) (i / ACCOUNTS % 3));
    }

    private static String[] check(long i) {
        return CHECKS[(int) (i / 300 % CHECKS.length)];
    }

    private static String resource(long i, String[] check) {
        return check[1].charAt(0) + "-" + String.format("%017x", i);
    }

    private static BatchPreparedStatementSetter rows(long[] order, int start, int size, boolean runRow) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int k) throws SQLException {
                long i = order[start + k];
                int a = (int) (i % ACCOUNTS);
                String account = account(i);
                String region = region(i);
                String[] check = check(i);
                String resource = resource(i, check);
                String fp = Finding.fingerprint(account, region, check[2], resource);
                BigDecimal usd = i % 3 == 0 ? BigDecimal.valueOf(i % 50_000, 2) : null;
                String status = i % 10 == 0 ? "NEW" : "OPEN";
                if (runRow) {
                    ps.setString(1, RUN);
                    ps.setString(2, fp);
                    ps.setString(3, account);
                    ps.setString(4, status);
                    ps.setString(5, check[3]);
                    ps.setBigDecimal(6, usd);
                    ps.setString(7, check[2]);
                    ps.setString(8, region);
                    ps.setString(9, resource);
                    return;
                }
                ps.setString(1, fp);
                ps.setString(2, account);
                ps.setString(3, "bench-" + a);
                ps.setString(4, region);
                ps.setString(5, check[0]);
                ps.setString(6, check[1]);
                ps.setString(7, resource);
                ps.setString(8, check[2]);
                ps.setString(9, check[3]);
                ps.setString(10, "Synthetic finding " + check[2]);
                ps.setString(11, "Resource " + resource + " in " + region + " of account " + account
                        + " fails " + check[2] + "; synthetic detail text of realistic length for the benchmark.");
                ps.setBigDecimal(12, usd);
                ps.setString(13, status);
                ps.setDate(14, Date.valueOf(i % 10 == 0 ? AS_OF : AS_OF.minusDays(30)));
                ps.setDate(15, Date.valueOf(AS_OF));
                ps.setString(16, RUN);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        };
    }
}
