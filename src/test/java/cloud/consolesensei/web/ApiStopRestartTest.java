package cloud.consolesensei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static cloud.consolesensei.web.WebTestSupport.admin;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.testkit.FakeEstateModule;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stop and restart through the JSON API (CONTRACT.md, "Web console and HTTP API"): a run held
 * mid-way is asked to stop ({@code 202}), ends STOPPED at its next chunk and cannot be stopped
 * again ({@code 409}); its restart ({@code 202}, a new execution) resumes from the committed
 * chunks and completes with every finding once, as an uninterrupted run would.
 */
@SpringBootTest(classes = {ConsoleSenseiApplication.class, WebTestSupport.DemoEstate.class},
        properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@JobTest
class ApiStopRestartTest {

    private static final String PROD = "111111111111";
    /** Widgets per regional partition: 4 chunks of 100. */
    private static final int ITEMS = 400;
    /** The regional partitions wait here, after committed chunks, while the hold file exists. */
    private static final int HOLD_AT = 250;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.properties(r, dir);
        r.add("fake-estate.items", () -> ITEMS);
        r.add("fake-estate.hold-at", () -> HOLD_AT);
        r.add("fake-estate.hold-file", () -> hold().toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private static Path hold() {
        return dir.resolve("hold").toAbsolutePath();
    }

    @Test
    void aRunStoppedThroughTheApiEndsStoppedAndItsRestartCompletesItOnce() throws Exception {
        Files.createFile(hold());
        MvcResult started = mvc.perform(post("/api/runs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accounts\": [\"" + PROD + "\"], \"asOf\": \"" + WebTestSupport.AS_OF + "\"}"))
                .andExpect(status().isAccepted()).andReturn();
        long id = ((Number) json(started).get("executionId")).longValue();
        await("each regional partition committed a chunk of widgets and is held").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> regions(id) > 0 && widgets() >= 100L * regions(id));

        mvc.perform(post("/api/runs/" + id + "/stop").with(admin())).andExpect(status().isAccepted());
        await("stop recorded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> executionStatus(id), s -> s.startsWith("STOP"));
        Files.delete(hold());
        await("the run stopped").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> executionStatus(id), "STOPPED"::equals);
        long partial = widgets();
        assertThat(partial).as("stopped before the end").isLessThan((long) ITEMS * regions(id));
        mvc.perform(post("/api/runs/" + id + "/stop").with(admin())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));

        MvcResult restarted = mvc.perform(post("/api/runs/" + id + "/restart").with(admin()))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location")).andReturn();
        long again = ((Number) json(restarted).get("executionId")).longValue();
        assertThat(again).isNotEqualTo(id);
        assertThat(restarted.getResponse().getHeader("Location")).isEqualTo("/api/runs/" + again);
        await("the restart completed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> executionStatus(again), "COMPLETED"::equals);

        assertThat(widgets()).as("every widget's finding, once").isEqualTo((long) ITEMS * regions(id));
        Long readOnRestart = jdbc.queryForObject("SELECT SUM(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME LIKE 'collect.partition:%'", Long.class, again);
        assertThat(readOnRestart).as("resumed from the committed chunks, not read again").isLessThan((long) ITEMS * regions(id));
        assertThat(json(mvc.perform(get("/api/runs/" + again).with(admin())).andReturn()))
                .containsEntry("status", "COMPLETED").containsEntry("exitCode", 0);
    }

    private long widgets() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE check_id = ?", Long.class, FakeEstateModule.WIDGET_CHECK);
    }

    /** Regional partitions of the execution (one per region of the account). */
    private long regions(long executionId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME LIKE 'collect.partition:%' AND STEP_NAME NOT LIKE '%global%'", Long.class, executionId);
    }

    private String executionStatus(long executionId) {
        return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, executionId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MvcResult r) throws Exception {
        return JSON.readValue(r.getResponse().getContentAsString(), Map.class);
    }
}
