package cloud.consolesensei.partition;

import cloud.consolesensei.config.ConfigValidator;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What a {@code worker} serves over HTTP: {@code GET /actuator/health} and {@code GET /actuator/prometheus}
 * on {@code management.server.port} (default {@value #DEFAULT_PORT}; {@code management.server.address} to
 * bind one address), nothing else, and no login: the port is for an orchestrator's probes and a
 * Prometheus scraper on the internal network.
 *
 * <p>This is Spring Boot's own management server on a port of its own. The worker is a servlet web
 * application whose main server never listens ({@code server.port} is forced to -1, so the
 * {@code server.port} a shared configuration file gives {@code serve} stays free), and the console, the
 * API and their security are not in a worker's context at all
 * ({@link cloud.consolesensei.web.ConditionalOnServe}). {@code management.server.port: -1} turns HTTP off
 * altogether, as Spring Boot reads it.
 *
 * <p>The health shows each component's status, no details: {@code db} (PostgreSQL), {@code rabbit}
 * (the broker), {@code diskSpace}, {@code ping} and {@code worker} ({@link Worker#taking()}: UP while it
 * takes partitions, OUT_OF_SERVICE before it starts and once it stops). It is UP, HTTP 200, only when
 * all are; otherwise 503.
 */
@Configuration
@Profile(ConfigValidator.WORKER_PROFILE)
@ConditionalOnWebApplication
public class WorkerManagement {

    /** The worker's management port when {@code management.server.port} is not set: next to serve's 8080. */
    public static final int DEFAULT_PORT = 8081;

    /**
     * Makes the worker's application a web application serving only Spring Boot's management server, on
     * {@code management.server.port} (default {@value #DEFAULT_PORT}), with every health component's status
     * shown. Registered by the {@code worker} command on its {@code SpringApplication}.
     */
    public static ApplicationListener<ApplicationEnvironmentPreparedEvent> managementPortOnly() {
        return event -> {
            ConfigurableEnvironment env = event.getEnvironment();
            Integer port = env.getProperty("management.server.port", Integer.class);
            if (port != null && port < 0) return; // HTTP off: the worker stays a plain application
            env.getPropertySources().addFirst(new MapPropertySource("worker-management", Map.of(
                    "spring.main.web-application-type", "servlet",
                    // a main server that never starts: Spring Boot then runs the actuator on a server of its own
                    "server.port", -1,
                    "management.server.port", port == null ? DEFAULT_PORT : port,
                    "management.health.rabbit.enabled", true,
                    "management.endpoint.health.show-components", "always")));
        };
    }

    /** UP while the worker takes partitions; OUT_OF_SERVICE before {@link Worker#start(String)} and once it stops. */
    @Bean
    HealthIndicator workerHealthIndicator(Worker worker) {
        return () -> (worker.taking() ? Health.up() : Health.outOfService()).build();
    }

    /**
     * Health and Prometheus without a login; any other request answers 404 (there is nothing else on the
     * management port, and it says so without a login challenge).
     */
    @Bean
    SecurityFilterChain workerManagementOnly(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> notFound(res))
                        .accessDeniedHandler((req, res, ex) -> notFound(res)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable());
        return http.build();
    }

    private static void notFound(HttpServletResponse res) throws IOException {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
