package cloud.consolesensei.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web tests' application: an H2 database and reports folder of their own, the users
 * {@code viewer} (VIEWER) and {@code admin} (ADMIN) with bcrypt hashes made here, and runs that
 * audit the demo estate (as {@code serve --demo} does).
 */
public final class WebTestSupport {

    public static final String VIEWER = "viewer";
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "correct horse battery staple";
    /** The as-of date the web tests audit. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    private WebTestSupport() {
    }

    /** Properties of a serve-like web application on {@code dir}. */
    public static void properties(DynamicPropertyRegistry r, Path dir) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        r.add("spring.main.web-application-type", () -> "servlet");
        r.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("db/consolesensei").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE");
        r.add("consolesensei.reports-dir", () -> dir.resolve("reports").toAbsolutePath().toString());
        r.add("consolesensei.web.users[0].username", () -> VIEWER);
        r.add("consolesensei.web.users[0].password", () -> hash);
        r.add("consolesensei.web.users[0].role", () -> "VIEWER");
        r.add("consolesensei.web.users[1].username", () -> ADMIN);
        r.add("consolesensei.web.users[1].password", () -> hash);
        r.add("consolesensei.web.users[1].role", () -> "ADMIN");
    }

    /** HTTP Basic as {@link #ADMIN}. */
    public static RequestPostProcessor admin() {
        return httpBasic(ADMIN, PASSWORD);
    }

    /** HTTP Basic as {@link #VIEWER}. */
    public static RequestPostProcessor viewer() {
        return httpBasic(VIEWER, PASSWORD);
    }

    /** Runs audit the demo estate; no demo user (users are configured). */
    @TestConfiguration
    public static class DemoEstate {
        @Bean
        ServeMode serveMode() {
            return new ServeMode(true);
        }
    }
}
