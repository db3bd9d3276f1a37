package cloud.consolesensei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static cloud.consolesensei.web.WebTestSupport.admin;
import static cloud.consolesensei.web.WebTestSupport.viewer;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.lock.AccountLocks;
import cloud.consolesensei.testkit.JobTest;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * The web console's and the JSON API's rules (CONTRACT.md, "Web console and HTTP API"), each
 * through the real security filter chain, controllers, job and database. Console: sign-in with a
 * CSRF token, every POST refused without one and refused to a VIEWER however made, security
 * headers, the findings filter and its CSV export. API: 401 without credentials, 403 for a VIEWER's POST,
 * 400 naming the bad value, 202 with Location for a run that then completes in the background,
 * 404 for unknown executions and for every name that is not one of a run's files (traversal in
 * several encodings), 410 for a file a later run replaced, 409 for stopping or restarting what
 * cannot be, no CSRF token needed on the stateless API.
 */
@SpringBootTest(classes = {ConsoleSenseiApplication.class, WebTestSupport.DemoEstate.class},
        properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@JobTest
class WebRulesTest {

    private static final String PROD = "111111111111";
    private static final String STAGING = "222222222222";
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.properties(r, dir);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountLocks locks;

    @Test
    void withoutCredentialsIs401AndAWrongPasswordToo() throws Exception {
        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"consolesensei\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.error").value("sign in with HTTP Basic (a console user's name and password)"));
        mvc.perform(get("/api/runs").with(httpBasic(WebTestSupport.ADMIN, "wrong"))).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"consolesensei\""))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/runs")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void viewerReadsButEveryPostIs403() throws Exception {
        mvc.perform(get("/api/runs").with(viewer())).andExpect(status().isOk())
                .andExpect(content -> assertThat(content.getResponse().getContentType()).startsWith("application/json"));
        mvc.perform(post("/api/runs").with(viewer()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/runs/1/stop").with(viewer())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.error").value("your role may not POST /api/runs/1/stop; it needs ADMIN"));
        mvc.perform(post("/api/runs/1/restart").with(viewer())).andExpect(status().isForbidden());
        // a CSRF token does not make a VIEWER an ADMIN
        mvc.perform(post("/api/runs").with(viewer()).with(csrf())).andExpect(status().isForbidden());
    }

    /**
     * A method no endpoint takes is 405 with {@code Allow} and the API's JSON body for an ADMIN; every
     * method but GET is an ADMIN's, so a VIEWER gets 403 naming the role, whatever endpoint comes later.
     */
    @Test
    void anUnsupportedMethodIs405WithAllow() throws Exception {
        mvc.perform(delete("/api/runs/1").with(admin())).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET"))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.error").value("DELETE is not allowed on /api/runs/1; use GET"));
        // any method but GET is an ADMIN's: closed to a VIEWER by default, whatever endpoint comes later
        mvc.perform(delete("/api/runs/1").with(viewer())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("your role may not DELETE /api/runs/1; it needs ADMIN"));
        mvc.perform(put("/api/runs").with(admin())).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, POST"))
                .andExpect(jsonPath("$.error").value("PUT is not allowed on /api/runs; use GET, POST"));
        mvc.perform(delete("/api/nothing").with(admin())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no API endpoint DELETE /api/nothing; see GET /api/runs"));
        mvc.perform(delete("/api/runs/1")).andExpect(status().isUnauthorized());
    }

    @Test
    void badRequestsAre400NamingTheValue() throws Exception {
        expect400("{\"accounts\": [\"999999999999\"]}", "'999999999999' is not a configured account");
        expect400("{\"accounts\": [\"12345\"]}", "'12345' is not an AWS account ID");
        expect400("{\"regions\": [\"moon-east-1\"]}", "'moon-east-1' is not an AWS region name");
        expect400("{\"regions\": [\"cn-north-1\"]}", "'cn-north-1' is a region of the aws-cn partition");
        expect400("{\"asOf\": \"2026-13-45\"}", "asOf: '2026-13-45' is not a date");
        expect400("{\"asOf\": \"2999-01-01\"}", "asOf: 2999-01-01 is in the future");
        expect400("{\"acounts\": [\"" + PROD + "\"]}", "unknown field 'acounts'");
        expect400("{\"accounts\": [\"" + PROD + "\"", "is not the JSON object expected");
        mvc.perform(get("/api/runs").param("limit", "501").with(viewer())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("limit: '501' is not allowed; use a whole number from 1 to 500"));
    }

    /**
     * A body of the wrong JSON shape is a 400 naming the field and the shape it must have, in the API's
     * words (no Java type); a number is no account ID (they are strings); a body that is not JSON is 415.
     */
    @Test
    void aBodyOfTheWrongShapeIs400NamingTheFieldAndNotJsonIs415() throws Exception {
        String accounts = "accounts must be an array of 12-digit account IDs as strings, e.g. [\"111111111111\"]";
        expect400Exactly("{\"accounts\": \"" + PROD + "\"}", accounts);
        expect400Exactly("{\"accounts\": [" + PROD + "]}", accounts);
        expect400Exactly("{\"regions\": \"us-east-1\"}", "regions must be an array of region names as strings, e.g. [\"us-east-1\"]");
        expect400Exactly("{\"asOf\": 20261201}", "asOf must be a date as a string, YYYY-MM-DD, e.g. \"2026-12-05\"");
        expect400Exactly("[\"" + PROD + "\"]", "the body must be a JSON object such as {\"accounts\": [\"111111111111\"],"
                + " \"regions\": [\"us-east-1\"], \"asOf\": \"2026-12-05\"}");
        mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.TEXT_PLAIN).content("{\"accounts\": [\"" + PROD + "\"]}"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.status").value(415))
                .andExpect(jsonPath("$.error").value("the body must be application/json, not text/plain"));
    }

    private void expect400Exactly(String body, String reason) throws Exception {
        mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").value(reason));
    }

    private void expect400(String body, String reason) throws Exception {
        MvcResult r = mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400)).andReturn();
        assertThat(r.getResponse().getContentAsString()).contains(reason);
    }

    @Test
    void unknownExecutionsAre404() throws Exception {
        mvc.perform(get("/api/runs/987654").with(viewer())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404)).andExpect(jsonPath("$.error").value("no job execution 987654"));
        mvc.perform(get("/api/runs/not-a-number").with(viewer())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        // a path no endpoint serves: the same JSON shape, not the container's error page
        mvc.perform(get("/api/findings").with(viewer())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.error").value("no API endpoint GET /api/findings; see GET /api/runs"));
        mvc.perform(post("/api/runs/1/pause").with(admin())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(post("/api/runs/987654/stop").with(admin())).andExpect(status().isNotFound());
        mvc.perform(post("/api/runs/987654/restart").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/987654/reports/consolesensei-all-2026-01-15.xlsx").with(viewer()))
                .andExpect(status().isNotFound());
    }

    /**
     * A run started by the API completes in the background; its object lists its files, the workbook
     * downloads with its content type and opens in POI; names that are not its files are 404 in every
     * encoding; stopping or restarting the completed run is 409; a later run of the same scope and
     * as-of takes its files over (410 for the earlier run's links, which it no longer lists).
     */
    @Test
    @SuppressWarnings("unchecked")
    void runInTheBackgroundThenDownloadsTraversalAndConflicts() throws Exception {
        long first = startAndComplete();
        Map<String, Object> run = json(mvc.perform(get("/api/runs/" + first).with(viewer())).andExpect(status().isOk()).andReturn());
        assertThat(run).containsEntry("status", "COMPLETED").containsEntry("alive", false).containsEntry("asOf", AS_OF.toString())
                .containsEntry("scope", PROD).containsEntry("accounts", List.of(PROD)).containsEntry("regions", null);
        assertThat((Integer) run.get("exitCode")).isZero();
        assertThat(((Map<String, Object>) run.get("findings")).keySet()).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat((String) run.get("startedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat((String) run.get("finishedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        String workbook = "consolesensei-" + PROD + "-" + AS_OF + ".xlsx";
        assertThat(names(run)).contains(workbook, "findings-" + PROD + "-" + AS_OF + ".csv",
                "coverage-" + PROD + "-" + AS_OF + ".csv", "summary-" + PROD + "-" + AS_OF + ".eml");
        assertThat(reports(run)).contains(Map.of("name", workbook, "url", "/api/runs/" + first + "/reports/" + workbook));

        MvcResult xlsx = mvc.perform(get("/api/runs/" + first + "/reports/" + workbook).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + workbook + "\""))
                .andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheet("Findings")).isNotNull();
        }
        mvc.perform(get("/api/runs/" + first + "/reports/findings-" + PROD + "-" + AS_OF + ".csv").with(viewer()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));

        for (String name : List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%252F..%252Fetc%252Fpasswd",
                "%2E%2E%5C%2E%2E%5Cwin.ini", "..%5C..%5Cwin.ini", "%252e%252e%252fetc", "..", "%2e%2e", "%c0%ae%c0%ae%c0%af",
                workbook + "%00.csv", "..%2F" + AS_OF + "%2F" + workbook, "." + "%2F" + workbook, "db", "consolesensei.mv.db")) {
            mvc.perform(get(URI.create("/api/runs/" + first + "/reports/" + name)).with(viewer()))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(name).isEqualTo(404))
                    .andExpect(jsonPath("$.status").value(404)).andExpect(jsonPath("$.error").exists());
        }
        mvc.perform(get(URI.create("/api/runs/" + first + "/reports/../../../../etc/passwd")).with(viewer()))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404))
                .andExpect(jsonPath("$.status").value(404));

        mvc.perform(post("/api/runs/" + first + "/stop").with(admin())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("job execution " + first + " is not running (COMPLETED)"));
        mvc.perform(post("/api/runs/" + first + "/restart").with(admin())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));

        long second = startAndComplete();
        assertThat(second).isGreaterThan(first);
        mvc.perform(get("/api/runs/" + first + "/reports/" + workbook).with(viewer())).andExpect(status().isGone());
        mvc.perform(get("/api/runs/" + second + "/reports/" + workbook).with(viewer())).andExpect(status().isOk());
        Map<String, Object> replaced = json(mvc.perform(get("/api/runs/" + first).with(viewer())).andReturn());
        assertThat(names(replaced)).doesNotContain(workbook);

        List<Map<String, Object>> page = jsonList(mvc.perform(get("/api/runs").param("limit", "1").with(viewer())).andReturn());
        assertThat(page).singleElement().satisfies(r -> assertThat(((Number) r.get("executionId")).longValue()).isEqualTo(second));
        List<Map<String, Object>> before = jsonList(mvc.perform(get("/api/runs").param("before", Long.toString(second))
                .with(viewer())).andReturn());
        assertThat(before).extracting(r -> ((Number) r.get("executionId")).longValue()).contains(first).doesNotContain(second);
    }

    /** POSTs a one-account run (no CSRF token: the API is stateless) and waits for it to complete. */
    private long startAndComplete() throws Exception {
        MvcResult started = mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accounts\": [\"" + PROD + "\"], \"asOf\": \"" + AS_OF + "\"}"))
                .andExpect(status().isAccepted()).andReturn();
        Map<String, Object> run = json(started);
        long id = ((Number) run.get("executionId")).longValue();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/runs/" + id);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(json(mvc.perform(get("/api/runs/" + id).with(viewer())).andReturn()).get("status")));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> reports(Map<String, Object> run) {
        return (List<Map<String, String>>) run.get("reports");
    }

    private static List<String> names(Map<String, Object> run) {
        return reports(run).stream().map(m -> m.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MvcResult r) throws Exception {
        return JSON.readValue(r.getResponse().getContentAsString(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonList(MvcResult r) throws Exception {
        return JSON.readValue(r.getResponse().getContentAsString(), List.class);
    }

    private static RequestPostProcessor adminSession() {
        return user(WebTestSupport.ADMIN).roles("ADMIN");
    }

    private static RequestPostProcessor viewerSession() {
        return user(WebTestSupport.VIEWER).roles("VIEWER");
    }

    @Test
    void consoleNeedsASignInWithACsrfTokenAndSendsSecurityHeaders() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/accounts")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        MvcResult login = mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andReturn();
        assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.getResponse().getContentAsString()).contains("name=\"_csrf\"");
        // the sign-in form itself needs the token
        mvc.perform(post("/login").param("username", WebTestSupport.ADMIN).param("password", WebTestSupport.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", WebTestSupport.ADMIN).param("password", "wrong"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", WebTestSupport.ADMIN).param("password", WebTestSupport.PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        // the actuator's metrics need a sign-in; health does not
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void consolePostsNeedTheCsrfTokenAndTheAdminRole() throws Exception {
        mvc.perform(post("/accounts/" + PROD + "/rerun").with(adminSession())).andExpect(status().isForbidden());
        mvc.perform(post("/runs/1/restart").with(adminSession())).andExpect(status().isForbidden());
        mvc.perform(post("/runs/1/stop").with(adminSession())).andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + PROD + "/rerun").with(viewerSession()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/runs/1/restart").with(viewerSession()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/runs/1/stop").with(viewerSession()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + PROD + "/rerun").with(adminSession()).with(csrf()).param("regions", "moon-east-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;moon-east-1&#39; is not an AWS region name")));
        mvc.perform(post("/runs/987654/restart").with(adminSession()).with(csrf())).andExpect(status().isNotFound());
        // the VIEWER's page has no re-run form; the ADMIN's has one per account
        assertThat(mvc.perform(get("/accounts").with(viewerSession())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(PROD).doesNotContain("Re-run now</button>");
        assertThat(mvc.perform(get("/accounts").with(adminSession())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("id=\"rerun-" + PROD + "\"");
    }

    /** A console error page's header names the signed-in user and role, as every other page does (a 400 filter too: below). */
    @Test
    void consoleErrorPagesShowTheSignedInUser() throws Exception {
        String rerun = mvc.perform(post("/accounts/" + STAGING + "/rerun").with(adminSession()).with(csrf())
                        .param("regions", "mars-1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(rerun).contains("<span id=\"user\">admin (ADMIN)</span>").doesNotContain("null");
        String missing = mvc.perform(get("/runs/999").with(adminSession()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("<span id=\"user\">admin (ADMIN)</span>");
    }

    /**
     * Errors Spring MVC or the firewall raise before or around the controllers answer in the shape of
     * where they happen: the console's error page with its status, or the API's JSON body; never
     * Spring Boot's error JSON. What the container forwards to {@code /error} does the same.
     */
    @Test
    void everyErrorHasTheConsolesOrTheApisShape() throws Exception {
        expectPage(get("/runs/abc"), 404, "no job execution &#39;abc&#39; (execution ids are numbers)");
        expectPage(get("/runs/1").param("page", "abc"), 400, "page: &#39;abc&#39; is not a whole number");
        expectPage(get("/runs/1").param("page", "-5"), 400, "page: &#39;-5&#39; is not allowed; use a whole number from 0");
        expectPage(get("/").param("before", "x"), 400, "before: &#39;x&#39; is not a whole number");
        expectPage(get("/nothing"), 404, "nothing at /nothing");
        expectPage(get("/error").requestAttr("jakarta.servlet.error.status_code", 404)
                .requestAttr("jakarta.servlet.error.request_uri", "/runs/1/reports/..%2Fx"), 404, "nothing at /runs/1/reports/..%2Fx");

        mvc.perform(get(URI.create("/api/runs/1/reports/..%2f..%2fdata%2fconsolesensei.mv.db")).with(viewer()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.error").value("nothing at /api/runs/1/reports/..%2f..%2fdata%2fconsolesensei.mv.db"
                        + " (no path holding '..', an encoded slash or a backslash names a file)"));
        mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 404)
                        .requestAttr("jakarta.servlet.error.request_uri", "/api/runs/1/reports/x"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.error").value("nothing at /api/runs/1/reports/x"));
    }

    private void expectPage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status,
                            String reason) throws Exception {
        MvcResult r = mvc.perform(request.with(viewerSession())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).startsWith("text/html");
        assertThat(r.getResponse().getContentAsString()).contains("id=\"problem\">" + reason + "<")
                .contains("<span id=\"user\">viewer (VIEWER)</span>");
    }

    @Test
    void runPageFiltersFindingsAndExportsTheFilteredCsv() throws Exception {
        long id = startAndComplete();
        String page = mvc.perform(get("/runs/" + id).param("severity", "HIGH").with(viewerSession()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("consolesensei-" + PROD + "-" + AS_OF + ".xlsx").doesNotContain("id=\"restart\"");
        MvcResult csv = mvc.perform(get("/runs/" + id + "/findings.csv").param("severity", "HIGH").param("account", PROD)
                .with(viewerSession())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8")).andReturn();
        String body = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFaccount_id,account_name,region,service,resource_type,resource_id,check_id,severity,"
                + "title,detail,monthly_cost_usd,status,first_seen,last_seen");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(body.substring(1))).getRecords();
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("severity")).isEqualTo("HIGH");
            assertThat(r.get("account_id")).isEqualTo(PROD);
        });
        String counted = page.replaceAll("(?s).*id=\"findings-total\">(\\d+)<.*", "$1");
        assertThat(Long.parseLong(counted)).isEqualTo(rows.size());
        String urgent = mvc.perform(get("/runs/" + id).param("severity", "URGENT").with(viewerSession()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(urgent).contains("<span id=\"user\">viewer (VIEWER)</span>");
        mvc.perform(get(URI.create("/runs/" + id + "/reports/..%2F..%2Fdb%2Fconsolesensei.mv.db")).with(viewerSession()))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
    }

    /**
     * The per-account lock: while a live execution holds an account (here a holder that beats in
     * this process, so the test does not race a demo run that ends within a second), starting another
     * run of it is 409 with a one-line reason naming the holder; once released the same run starts.
     * A finished execution can be neither stopped nor restarted (409).
     */
    @Test
    void busyAccountIs409AndAFinishedRunCannotBeStoppedOrRestarted() throws Exception {
        long holder = 9_000_000_001L;
        locks.acquire(holder, List.of(STAGING));
        try {
            MvcResult busy = mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"accounts\": [\"" + STAGING + "\"]}"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409)).andReturn();
            String reason = (String) json(busy).get("error");
            assertThat(reason).contains(STAGING).contains(Long.toString(holder)).doesNotContain("\n");
        } finally {
            locks.release(holder);
        }

        MvcResult started = mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accounts\": [\"" + STAGING + "\"], \"asOf\": \"" + AS_OF + "\"}"))
                .andExpect(status().isAccepted()).andReturn();
        long id = ((Number) json(started).get("executionId")).longValue();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/runs/" + id);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(json(mvc.perform(get("/api/runs/" + id).with(viewer())).andReturn()).get("status")));
        mvc.perform(post("/api/runs/" + id + "/stop").with(admin())).andExpect(status().isConflict());
        mvc.perform(post("/api/runs/" + id + "/restart").with(admin())).andExpect(status().isConflict());
        // the history only moves forward: the API names its own field, not the CLI's --as-of
        expect400Exactly("{\"accounts\": [\"" + STAGING + "\"], \"asOf\": \"2026-01-01\"}", "asOf 2026-01-01 is before " + AS_OF
                + ", the as-of date of an earlier run of these accounts: the findings history only moves forward"
                + " (use asOf " + AS_OF + " or later)");
    }
}
