package cloud.consolesensei.web.security;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.ServeMode;
import cloud.consolesensei.web.WebErrors;
import cloud.consolesensei.web.api.ApiErrorBody;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may do what on {@code serve}'s web server (README, "Web console, HTTP API and metrics"):
 * <ul>
 * <li>{@code /actuator/health}: open to all.</li>
 * <li>{@code /api/**}: stateless HTTP Basic (no session, no CSRF token); 401 without credentials;
 * reads for VIEWER and ADMIN, every POST for ADMIN only (403 otherwise); other methods reach the
 * API, which answers 405 with {@code Allow} (or 404); all answered with the API's JSON error body.</li>
 * <li>the console: form login at {@code /login} (and OIDC when a client is configured), CSRF on
 * every form, every POST for ADMIN only, everything else for VIEWER and ADMIN.</li>
 * <li>{@code /actuator/prometheus}: any signed-in user (HTTP Basic for a scraper, or the session).</li>
 * <li>with no user and no OIDC: everything but the health endpoint answers 404.</li>
 * </ul>
 * Every answer carries the security headers (Content-Security-Policy without inline script,
 * X-Frame-Options DENY, nosniff, a strict Referrer-Policy, no caching of pages); a request
 * Spring Security's firewall rejects (encoded slashes, {@code ..}, backslashes in any encoding)
 * answers 404, like any other name that is not a file of the run.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnServe
public class WebSecurityConfig {

    private static final String REALM = "consolesensei";

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ConsoleUsers consoleUsers(ConsoleSenseiProperties props, ObjectProvider<ServeMode> mode,
                              ObjectProvider<ClientRegistrationRepository> oidc, PasswordEncoder encoder) {
        return ConsoleUsers.of(props.web(), mode.getIfAvailable(), oidc.getIfAvailable() != null, encoder);
    }

    @Bean
    UserDetailsService userDetailsService(ConsoleUsers users) {
        return users.manager();
    }

    /**
     * 404 for a request the firewall rejects: under {@code /api} the API's JSON body naming the path;
     * elsewhere the container's error dispatch, which renders the console's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (req, res, e) -> {
            if (WebErrors.isApi(req.getRequestURI(), req.getContextPath())) {
                ApiErrorBody.write(res, HttpStatus.NOT_FOUND, "nothing at " + req.getRequestURI()
                        + " (no path holding '..', an encoded slash or a backslash names a file)");
            } else {
                res.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ConsoleUsers users) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable());
        if (!users.enabled()) {
            off(http);
        } else {
            http.authorizeHttpRequests(a -> a
                            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Role.VIEWER.name(), Role.ADMIN.name())
                            .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.ADMIN.name())
                            // every other method is an ADMIN's, so an endpoint added later with PUT, PATCH or
                            // DELETE is never open to a VIEWER by default; an ADMIN gets the API's 405 with
                            // Allow (or 404) for a method no endpoint takes, not a 403 about the role
                            .anyRequest().hasRole(Role.ADMIN.name()))
                    .httpBasic(b -> b.authenticationEntryPoint(ApiErrorBody.unauthorized(REALM)))
                    .exceptionHandling(e -> e.authenticationEntryPoint(ApiErrorBody.unauthorized(REALM))
                            .accessDeniedHandler(ApiErrorBody.forbidden()));
        }
        headers(http);
        return http.build();
    }

    /**
     * {@code /actuator/**} but health: any signed-in user, by HTTP Basic (a Prometheus scraper) or the
     * console's session; 401 with a Basic challenge otherwise (not a redirect to a login page).
     */
    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, ConsoleUsers users) throws Exception {
        http.securityMatcher("/actuator/**").csrf(c -> c.disable()).requestCache(r -> r.disable());
        if (!users.enabled()) {
            off(http);
        } else {
            http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/actuator/**")
                            .hasAnyRole(Role.VIEWER.name(), Role.ADMIN.name()).anyRequest().denyAll())
                    .httpBasic(b -> b.realmName(REALM));
        }
        headers(http);
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, ConsoleUsers users, ConsoleSenseiProperties props) throws Exception {
        if (!users.enabled()) {
            off(http);
            headers(http);
            return http.build();
        }
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .requestMatchers(HttpMethod.POST, "/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(Role.VIEWER.name(), Role.ADMIN.name())
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll());
        if (users.oidc()) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcRoles(props.web().oidc().roleClaim()))));
        }
        headers(http);
        return http.build();
    }

    /** Console and API off: every request answers 404 (the health chain comes first). */
    private static void off(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint notFound = (req, res, e) -> notFound(res);
        http.authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(notFound).accessDeniedHandler((req, res, ex) -> notFound(res)))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable());
    }

    private static void notFound(HttpServletResponse res) throws IOException {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                .contentTypeOptions(Customizer.withDefaults())
                .cacheControl(Customizer.withDefaults()));
    }
}
