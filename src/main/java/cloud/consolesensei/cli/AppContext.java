package cloud.consolesensei.cli;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.aws.CredentialSourceException;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConfigOrigins;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.lock.AccountsBusyException;
import cloud.consolesensei.partition.BrokerUnreachableException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataAccessException;

/**
 * Starts the Spring application for one command and maps what can go wrong to the README
 * exit codes: configuration problems (a malformed file, an unknown key, a bad value) print one
 * line per problem naming file, key and value, and exit 2 before anything is written.
 */
public final class AppContext {

    /** Spring properties given on the command line ({@code --spring.x=y}), set by {@link #splitSpringArgs}. */
    private static final ThreadLocal<List<String>> SPRING_ARGS = ThreadLocal.withInitial(List::of);

    private AppContext() {
    }

    /**
     * Takes the Spring property arguments ({@code --spring.<key>=<value>}, {@code --consolesensei.<key>=<value>},
     * {@code --logging.<key>=<value>}, {@code --server.<key>=<value>}, {@code --management.<key>=<value>}) out of {@code args} for the application context; returns the rest
     * for the command-line parser.
     */
    public static String[] splitSpringArgs(String... args) {
        List<String> spring = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            boolean prop = (a.startsWith("--spring.") || a.startsWith("--consolesensei.") || a.startsWith("--logging.")
                    || a.startsWith("--server.") || a.startsWith("--management.")) && a.contains("=");
            (prop ? spring : rest).add(a);
        }
        SPRING_ARGS.set(List.copyOf(spring));
        return rest.toArray(String[]::new);
    }

    /**
     * Runs {@code body} inside a started application context.
     *
     * @param extra additional Spring properties ({@code name=value})
     * @return the command's exit code
     */
    static int run(CommonOptions common, List<String> extra, PrintWriter err,
                   Function<ConfigurableApplicationContext, Integer> body) {
        return run(common, extra, err, app -> { }, body);
    }

    /**
     * As {@link #run(CommonOptions, List, PrintWriter, Function)}, with {@code customizer} adjusting
     * the application before it starts (e.g. the {@code worker} command's profile).
     */
    static int run(CommonOptions common, List<String> extra, PrintWriter err, Consumer<SpringApplication> customizer,
                   Function<ConfigurableApplicationContext, Integer> body) {
        List<String> args = new ArrayList<>(extra);
        args.addAll(SPRING_ARGS.get());
        return start(common, args, err, customizer, body);
    }

    /**
     * As {@link #run}, for a command that needs no database ({@code doctor}): the configured
     * database is neither opened nor migrated (the beans that would use it get an empty in-memory
     * one they never touch), so it works while another process holds the embedded database, or
     * while the database server is down.
     */
    static int runWithoutDatabase(CommonOptions common, PrintWriter err, Function<ConfigurableApplicationContext, Integer> body) {
        return start(common, new ArrayList<>(SPRING_ARGS.get()), err, app -> app.addListeners(
                (ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                    ConfigurableEnvironment env = event.getEnvironment();
                    env.getPropertySources().addFirst(new MapPropertySource("no-database", Map.of(
                            ConfigValidator.CONFIGURED_DATASOURCE_URL, env.getProperty("spring.datasource.url", ""),
                            "spring.datasource.url", "jdbc:h2:mem:consolesensei-no-database",
                            "spring.datasource.driver-class-name", "org.h2.Driver",
                            "spring.datasource.username", "sa", "spring.datasource.password", "",
                            "spring.flyway.enabled", "false")));
                }), body);
    }

    private static int start(CommonOptions common, List<String> args, PrintWriter err, Consumer<SpringApplication> customizer,
                             Function<ConfigurableApplicationContext, Integer> body) {
        if (common.config != null) {
            if (Files.isDirectory(common.config)) {
                err.println("error: --config " + common.config + ": is a folder; give the YAML file itself");
                return 2;
            }
            if (!Files.isRegularFile(common.config) || !Files.isReadable(common.config)) {
                err.println("error: --config " + common.config + ": no such readable file");
                return 2;
            }
            String name = common.config.getFileName().toString();
            if (!name.endsWith(".yml") && !name.endsWith(".yaml") && !name.endsWith(".properties")) {
                err.println("error: --config " + common.config + ": expected a .yml, .yaml or .properties file");
                return 2;
            }
            String problem = ConfigFiles.problem(common.config);
            if (problem != null) {
                err.println("error: " + problem);
                return 2;
            }
            args.add("--spring.config.additional-location=file:" + common.config.toAbsolutePath());
        }
        if (common.debug) {
            args.add("--logging.level.cloud.consolesensei=DEBUG");
            args.add("--logging.level.software.amazon.awssdk.request=DEBUG");
            args.add("--logging.level.org.springframework.boot.SpringApplication=ERROR");
            args.add("--logging.level.org.springframework.batch.core.step.AbstractStep=ERROR");
        }
        SpringApplication app = new SpringApplication(ConsoleSenseiApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        customizer.accept(app);
        // the configured database URL, to name it when it cannot be used (never its password)
        AtomicReference<String> databaseUrl = new AtomicReference<>("");
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> databaseUrl.set(
                event.getEnvironment().getProperty("spring.datasource.url", "")));
        ConfigurableApplicationContext ctx;
        try {
            ctx = app.run(args.toArray(String[]::new));
        } catch (Throwable t) {
            Optional<String> database = DatabaseErrors.describe(t, databaseUrl.get());
            if (database.isPresent() && configProblem(t) == null) {
                err.println("error: " + database.get());
                return 1;
            }
            return startupFailure(t, err);
        }
        try (ctx) {
            return body.apply(ctx);
        } catch (DataAccessException e) {
            Optional<String> database = DatabaseErrors.describe(e, databaseUrl.get());
            if (database.isEmpty()) throw e;
            err.println("error: " + database.get());
            return 1;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return 2;
        } catch (CredentialSourceException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (AccountsBusyException e) {
            // README: a run refused because a live execution holds one of its accounts is exit 2
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** The configuration problem behind a failed start, or null: it is reported first (exit 2). */
    private static ConfigException configProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException ce) return ce;
        }
        return null;
    }

    /** Exit 2 for configuration problems, 1 for anything else; one line per problem. */
    static int startupFailure(Throwable t, PrintWriter err) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BrokerUnreachableException b) {
                err.println("error: " + b.getMessage());
                return 1;
            }
            if (c instanceof ConfigException ce) {
                ce.problems().forEach(p -> err.println("error: " + p));
                return 2;
            }
            if (c instanceof PortInUseException p) {
                err.println("error: port " + p.getPort() + " is in use by another process (serve listens on server.port,"
                        + " a worker on management.server.port): stop that process, or give this one a free port");
                return 1;
            }
            if (c instanceof UnboundConfigurationPropertiesException u) {
                // Spring names every leaf under a misspelt section; say the section once, at its first line
                Set<String> said = new HashSet<>();
                for (ConfigurationProperty p : u.getUnboundProperties()) {
                    String message = ConfigFiles.unknownKey(p.getName().toString());
                    if (said.add(message)) {
                        err.println("error: " + (p.getOrigin() == null ? "" : ConfigOrigins.pretty(p.getOrigin()) + ": ") + message);
                    }
                }
                return 2;
            }
            if (c instanceof BindException be && !(be.getCause() instanceof UnboundConfigurationPropertiesException)) {
                ConfigurationProperty p = be.getProperty();
                Throwable root = be;
                while (root.getCause() != null) root = root.getCause();
                err.println("error: " + (p == null ? be.getName().toString()
                        : (p.getOrigin() == null ? "" : ConfigOrigins.pretty(p.getOrigin()) + ": ") + p.getName() + ": '" + p.getValue() + "'")
                        + " is not allowed: expected " + ConfigFiles.expected(be.getTarget().getType().resolve(Object.class)));
                return 2;
            }
            if (c instanceof ConfigDataException cde) {
                err.println("error: configuration: " + cde.getMessage());
                return 2;
            }
            if (c.getClass().getName().startsWith("org.yaml.snakeyaml")) {
                err.println("error: configuration file is not valid YAML: " + c.getMessage().replaceAll("\\s+", " "));
                return 2;
            }
        }
        Throwable root = t;
        while (root.getCause() != null) root = root.getCause();
        err.println("error: could not start: " + root + " (run with --debug for the details)");
        return 1;
    }
}
