package cloud.consolesensei.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSensei;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;

/**
 * Runs the real command line in-process against a database and reports directory of a test's
 * own, and reads back what it wrote (reports, workbook cells, database rows).
 */
public final class Cli {

    /**
     * The options of a child JVM: the client compiler only and the serial collector, because a test's
     * child is short-lived and mostly starting up (Spring Boot on a 2-core machine beside other JVMs),
     * where C2 compilations and parallel GC threads cost more CPU than they save.
     */
    public static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path dir;
    private final String url;
    private final String user;
    private final Path config;

    /** True when the configuration leaves the database at the product's default ({@code ./data} of the working folder). */
    private final boolean defaultDatabase;

    private Cli(Path dir, String url, String user, String extraYaml) throws IOException {
        this(dir, url, user, extraYaml, false);
    }

    private Cli(Path dir, String url, String user, String extraYaml, boolean defaultDatabase) throws IOException {
        this.dir = dir;
        this.url = url;
        this.user = user;
        this.defaultDatabase = defaultDatabase;
        Files.createDirectories(dir);
        this.config = dir.resolve("consolesensei-test.yml");
        Files.writeString(config, (defaultDatabase ? "" : "spring:\n  datasource:\n    url: \"" + url + "\"\n    username: "
                + user + "\n    password: \"\"\n") + "consolesensei.reports-dir: \"" + reportsDir() + "\"\n" + extraYaml);
    }

    /**
     * A configuration that leaves the database at the product's default: child JVMs ({@link #start})
     * run in {@code dir} and so open {@code dir/data} exactly as the default URL says; in-process
     * commands and queries name the same file, in the same automatic mixed mode.
     */
    public static Cli defaultDatabase(Path dir, String extraYaml) throws IOException {
        return new Cli(dir, "jdbc:h2:file:" + dir.resolve("data/consolesensei").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa",
                extraYaml, true);
    }

    /** An H2 file database under {@code dir} that a test can watch while a child JVM runs (AUTO_SERVER). */
    public static Cli h2(Path dir, String extraYaml) throws IOException {
        return h2(dir, extraYaml, true);
    }

    /**
     * An H2 file database under {@code dir}: with {@code autoServer} as the application's default
     * opens it ({@code AUTO_SERVER=TRUE}, shared by several processes), without it as a user-set URL
     * might ({@code DB_CLOSE_ON_EXIT=FALSE}, one process at a time); H2 allows only one of the two.
     */
    public static Cli h2(Path dir, String extraYaml, boolean autoServer) throws IOException {
        return new Cli(dir, "jdbc:h2:file:" + dir.resolve("db/consolesensei").toAbsolutePath()
                + (autoServer ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE"), "sa", extraYaml);
    }

    /** Any JDBC database (e.g. a PostgreSQL schema). */
    public static Cli jdbc(Path dir, String url, String user, String extraYaml) throws IOException {
        return new Cli(dir, url, user, extraYaml);
    }

    /** YAML of the fake estate: {@code items} widgets per region, {@code delayMs} before each. */
    public static String fakeEstate(int items, long delayMs) {
        return "fake-estate:\n  items: " + items + "\n  delay-ms: " + delayMs + "\n";
    }

    /**
     * {@link #fakeEstate} whose regional partitions wait at widget {@code holdAt} while {@code holdFile}
     * exists: a run held mid-way for a test to signal or kill, then released by deleting the file.
     */
    public static String heldFakeEstate(int items, int holdAt, Path holdFile) {
        return fakeEstate(items, 0) + "  hold-at: " + holdAt + "\n  hold-file: \"" + holdFile.toAbsolutePath() + "\"\n";
    }

    public Path config() {
        return config;
    }

    public Path reportsDir() {
        return dir.resolve("reports").toAbsolutePath();
    }

    public String url() {
        return url;
    }

    /**
     * Starts the application context the commands use, with this configuration and {@code extra}
     * properties ({@code --name=value}); the caller closes it.
     */
    public org.springframework.context.ConfigurableApplicationContext context(String... extra) {
        var app = new org.springframework.boot.SpringApplication(cloud.consolesensei.ConsoleSenseiApplication.class);
        app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        app.setRegisterShutdownHook(false);
        List<String> args = new ArrayList<>(List.of("--spring.config.additional-location=file:" + config));
        args.addAll(List.of(extra));
        return app.run(args.toArray(String[]::new));
    }

    /** Runs {@code args --config FILE} in-process; returns exit code, stdout and stderr. */
    public Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        if (defaultDatabase) all.add("--spring.datasource.url=" + url);
        return execute(all.toArray(String[]::new));
    }

    /**
     * Runs {@code args} in-process exactly as given (no {@code --config} added) against an H2 file
     * database under {@code work/data} (system property {@code spring.datasource.url}, restored
     * afterwards): for tests of the command line itself, which pass their own options.
     */
    public static Result run(Path work, String... args) {
        synchronized (Cli.class) {
            String oldUrl = System.getProperty("spring.datasource.url");
            System.setProperty("spring.datasource.url", "jdbc:h2:file:" + work.resolve("data/consolesensei").toAbsolutePath());
            try {
                return execute(args);
            } finally {
                if (oldUrl == null) System.clearProperty("spring.datasource.url");
                else System.setProperty("spring.datasource.url", oldUrl);
            }
        }
    }

    /**
     * Runs the real command line in this JVM, capturing stdout and stderr; one command at a time
     * (System.out is process-wide). What it printed is echoed to the test's own output.
     */
    private static Result execute(String[] args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        synchronized (Cli.class) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = ConsoleSensei.execute(args);
            } finally {
                System.out.flush();
                System.err.flush();
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.print(r.out());
        oldErr.print(r.err());
        return r;
    }

    /**
     * Starts {@code args --config FILE} in a child JVM (the test classpath) working in this CLI's
     * folder, its stdout and stderr
     * going to {@code log}. {@code env} is added to (or, for a {@code null} value, removed from) this
     * process's environment; {@code AWS_EC2_METADATA_DISABLED=true} keeps the SDK's credential chain
     * off the network. The JVM starts with {@link #CHILD_JVM_OPTIONS} and SIGINT at its default action
     * (GNU {@code env --default-signal}), whatever this build inherited. The caller waits for or stops
     * the process.
     */
    public Process start(Map<String, String> env, Path log, String... args) throws IOException {
        // SIGINT as a terminal gives it: a build started in the background (nohup, `&` without job
        // control) passes SIGINT on ignored, and the JVM then leaves it ignored (the Unix rule for
        // background jobs), so a Ctrl-C test would wait for a signal that never arrives
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConsoleSensei.class.getName()));
        command.addAll(List.of(args));
        command.add("--config");
        command.add(config.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(dir.toFile());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        return pb.start();
    }

    /**
     * Waits until the run of {@code child} (a {@link #start}ed JVM on an AUTO_SERVER database) has
     * committed {@code chunks} collect chunks, some of the fake estate among them; returns its
     * execution id. Watches the database only (no log text, no fixed sleep). Fails when the child
     * ends first or nothing is committed within two minutes.
     */
    public long awaitCommittedChunks(Process child, int chunks, Path log) {
        Path lock = h2LockFile();
        return Awaitility.await("the child run's first " + chunks + " committed chunks").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!child.isAlive()) throw new AssertionError("child JVM ended before it was killed:\n" + Files.readString(log));
                    // open the database only once the child owns it (H2 AUTO_SERVER: the first opener serves it)
                    if (lock != null && !Files.exists(lock)) return null;
                    try {
                        List<Map<String, String>> rows = query(
                                "SELECT JOB_EXECUTION_ID AS id, SUM(COMMIT_COUNT) AS commits FROM BATCH_STEP_EXECUTION"
                                        + " WHERE STEP_NAME LIKE 'collect.partition:%' GROUP BY JOB_EXECUTION_ID");
                        // the real demo modules commit chunks too: wait for some of the fake estate as well
                        if (!rows.isEmpty() && Long.parseLong(rows.get(0).get("commits")) >= chunks
                                && number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'") > 0) {
                            return Long.parseLong(rows.get(0).get("id"));
                        }
                    } catch (IllegalStateException e) {
                        // the child has not created the schema yet
                    }
                    return null;
                }, Objects::nonNull);
    }

    /**
     * Waits until the database of {@code child} (a {@link #start}ed or other JVM on this AUTO_SERVER
     * database) shows {@code what}: the count {@code countSql} is positive. Watches the database only
     * (no log text, no fixed sleep); opens it only once the child owns it. Fails when the child ends
     * first or the state does not come within two minutes.
     */
    public void awaitRows(Process child, Path log, String what, String countSql) {
        Path lock = h2LockFile();
        Awaitility.await(what).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!child.isAlive()) throw new AssertionError("child JVM ended before " + what + ":\n" + Files.readString(log));
            if (lock != null && !Files.exists(lock)) return false;
            try {
                return number(countSql) > 0;
            } catch (IllegalStateException e) {
                return false; // the child has not created the schema yet
            }
        });
    }

    /**
     * Makes H2 write every committed transaction to the database file now ({@code CHECKPOINT}),
     * instead of within its write delay: what a test then kills is exactly what was committed.
     */
    public void checkpoint() {
        execute("CHECKPOINT");
    }

    /** The lock file an H2 file database's owner holds ({@code <file>.lock.db}), or null for other databases. */
    private Path h2LockFile() {
        if (!url.startsWith("jdbc:h2:file:")) return null;
        String file = url.substring("jdbc:h2:file:".length());
        int options = file.indexOf(';');
        return Path.of((options < 0 ? file : file.substring(0, options)) + ".lock.db");
    }

    /** {@code run --demo --no-email --as-of DATE [more]}. */
    public Result audit(LocalDate asOf, String... more) {
        List<String> a = new ArrayList<>(List.of("run", "--demo", "--no-email", "--as-of", asOf.toString()));
        a.addAll(List.of(more));
        return cli(a.toArray(String[]::new));
    }

    /** The report file {@code <prefix>-<scope>-<as-of>.<ext>}. */
    public Path report(String prefix, String scope, LocalDate asOf, String ext) {
        return reportsDir().resolve(asOf.toString()).resolve(prefix + "-" + scope + "-" + asOf + "." + ext);
    }

    /** Rows of a query, each column as its string value. */
    public List<Map<String, String>> query(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            var ps = c.prepareStatement(sql);
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getString(i));
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from a query, 0 when null. */
    public long number(String sql, Object... args) {
        String v = query(sql, args).get(0).values().iterator().next();
        return v == null ? 0 : Long.parseLong(v);
    }

    /**
     * The records of a CSV report (header excluded).
     *
     * @throws IllegalStateException when the file does not start with the UTF-8 byte order mark
     *                               every CSV of the program starts with (CONTRACT.md)
     */
    public static List<org.apache.commons.csv.CSVRecord> csv(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file)) {
            if (r.read() != '\uFEFF') throw new IllegalStateException(file + " does not start with a UTF-8 byte order mark");
            return org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
        }
    }

    /** Executes a statement on this CLI's database. */
    public void execute(String sql) {
        execute(url, user, sql);
    }

    /** Executes a statement (DDL). */
    public static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every sheet's cells as Excel shows them: sheet name to rows to cell texts. */
    public static Map<String, List<List<String>>> cells(Path xlsx) throws IOException {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        DataFormatter f = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                List<List<String>> rows = new ArrayList<>();
                for (Row r : s) {
                    List<String> cells = new ArrayList<>();
                    // run ids (UUIDs) name the run that wrote the file, not what it found
                    for (Cell c : r) cells.add(f.formatCellValue(c)
                            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<run id>"));
                    rows.add(cells);
                }
                out.put(s.getSheetName(), rows);
            }
        }
        return out;
    }

    /**
     * Asserts the {@code all} reports of {@link Fixtures#AS_OF} of two runs are the same: the findings and
     * coverage CSVs byte for byte, the workbook cell for cell ({@link #assertSameWorkbook}).
     */
    public static void assertSameReports(Cli actual, Cli expected) throws IOException {
        assertThat(Files.readString(actual.report("findings", "all", Fixtures.AS_OF, "csv")))
                .isEqualTo(Files.readString(expected.report("findings", "all", Fixtures.AS_OF, "csv")));
        assertThat(Files.readString(actual.report("coverage", "all", Fixtures.AS_OF, "csv")))
                .isEqualTo(Files.readString(expected.report("coverage", "all", Fixtures.AS_OF, "csv")));
        assertSameWorkbook(actual.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"),
                expected.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"));
    }

    /**
     * Asserts two workbooks show the same sheets and cells, naming the first cells that differ. The
     * Summary sheet's {@code Run} and {@code Generated} rows identify the run that wrote the file
     * (run id, clock time), not what it found, so they are left out.
     */
    public static void assertSameWorkbook(Path actual, Path expected) throws IOException {
        Map<String, List<List<String>>> a = cells(actual);
        Map<String, List<List<String>>> e = cells(expected);
        assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
        List<String> diffs = new ArrayList<>();
        for (String sheet : e.keySet()) {
            List<List<String>> ar = a.get(sheet);
            List<List<String>> er = e.get(sheet);
            for (int i = 0; i < Math.max(ar.size(), er.size()) && diffs.size() < 20; i++) {
                List<String> x = i < ar.size() ? ar.get(i) : null;
                List<String> y = i < er.size() ? er.get(i) : null;
                if (sheet.equals("Summary") && x != null && y != null && !x.isEmpty() && x.get(0).equals(y.get(0))
                        && (x.get(0).equals("Run") || x.get(0).equals("Generated"))) continue;
                if (!java.util.Objects.equals(x, y)) diffs.add(sheet + " row " + (i + 1) + ": " + x + " <> expected " + y);
            }
        }
        assertThat(diffs).as("cells that differ").isEmpty();
    }

    /** Exit code, stdout and stderr (the logs) of one command. */
    public record Result(int code, String out, String err) {
        /** The job execution id the run printed. */
        public long executionId() {
            var m = java.util.regex.Pattern.compile("job execution (\\d+) ").matcher(out);
            if (!m.find()) throw new AssertionError("no job execution line in:\n" + out);
            return Long.parseLong(m.group(1));
        }

        /** The run id the run printed. */
        public String runId() {
            var m = java.util.regex.Pattern.compile("\\(run ([^)]+)\\)").matcher(out);
            if (!m.find()) throw new AssertionError("no run id in:\n" + out);
            return m.group(1);
        }
    }
}
