package cloud.consolesensei.web.api;

import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.ReportDownloads;
import cloud.consolesensei.web.RunLauncher;
import cloud.consolesensei.web.RunView;
import cloud.consolesensei.web.RunViews;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API of README ("Web console, HTTP API and metrics") for scripts and schedulers: stateless
 * HTTP Basic, reads for VIEWER and ADMIN, starting, stopping and restarting for ADMIN (enforced by
 * the security configuration). Errors answer {@code {"status": 400, "error": "<one line>"}}.
 */
@ConditionalOnServe
@RestController
@RequestMapping("/api/runs")
public class RunsApi {

    /** Unknown fields refused, and no number or boolean taken for a string (account IDs are strings in the contract). */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final String EXAMPLE = "{\"accounts\": [\"111111111111\"], \"regions\": [\"us-east-1\"], \"asOf\": \"2026-12-05\"}";

    private final RunViews views;
    private final RunLauncher launcher;
    private final ReportDownloads downloads;

    public RunsApi(RunViews views, RunLauncher launcher, ReportDownloads downloads) {
        this.views = views;
        this.launcher = launcher;
        this.downloads = downloads;
    }

    /** {@code GET /api/runs?limit=50&before=ID}: newest first, at most {@code limit} (1..500, default 50). */
    @GetMapping
    public List<RunView> list(@RequestParam(defaultValue = "50") String limit, @RequestParam(required = false) String before) {
        int n = number("limit", limit, 1, RunViews.MAX_LIMIT);
        Long b = before == null ? null : (long) number("before", before, 1, Integer.MAX_VALUE);
        return views.list(n, b);
    }

    /** {@code GET /api/runs/{executionId}}: 404 for an unknown id. */
    @GetMapping("/{executionId}")
    public RunView get(@PathVariable String executionId) {
        long id = id(executionId);
        return views.get(id).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId));
    }

    /**
     * {@code POST /api/runs} with {@code {"accounts": [...], "regions": [...], "asOf": "YYYY-MM-DD"}}
     * (each optional): 202 with {@code Location} and the run; the run goes on in the background.
     */
    @PostMapping
    public ResponseEntity<RunView> start(@RequestBody(required = false) String body,
                                         @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                         Authentication who) throws HttpMediaTypeNotSupportedException {
        if (body != null && !body.isBlank()) json(contentType);
        RunView v = launcher.start(parse(body), who);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + v.executionId())).body(v);
    }

    /** {@code POST /api/runs/{executionId}/stop}: 202; 409 when it is not running. */
    @PostMapping("/{executionId}/stop")
    public ResponseEntity<RunView> stop(@PathVariable String executionId, Authentication who) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(launcher.stop(id(executionId), who));
    }

    /** {@code POST /api/runs/{executionId}/restart}: 202 with the new execution; 409 when not restartable. */
    @PostMapping("/{executionId}/restart")
    public ResponseEntity<RunView> restart(@PathVariable String executionId, Authentication who) {
        RunView v = launcher.restart(id(executionId), who);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + v.executionId())).body(v);
    }

    /** {@code GET /api/runs/{executionId}/reports/{name}}: the file as an attachment; 404 not its file; 410 replaced or deleted. */
    @GetMapping("/{executionId}/reports/{name}")
    public ResponseEntity<Resource> report(@PathVariable String executionId, @PathVariable String name) {
        return downloads.download(id(executionId), name);
    }

    /** The body of {@code POST /api/runs}, read strictly: an unknown field is a 400 naming it. */
    record StartBody(List<String> accounts, List<String> regions, String asOf) {
    }

    static RunLauncher.Start parse(String body) {
        if (body == null || body.isBlank()) return new RunLauncher.Start(List.of(), List.of(), null);
        StartBody b;
        try {
            b = STRICT.readValue(body, StartBody.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest("unknown field '" + e.getPropertyName() + "'; allowed: accounts, regions, asOf");
        } catch (MismatchedInputException e) {
            throw ApiProblem.badRequest(shapeOf(e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName()));
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("the body is not the JSON object expected (" + EXAMPLE + "): " + e.getOriginalMessage());
        }
        if (b == null) return new RunLauncher.Start(List.of(), List.of(), null);
        LocalDate asOf = null;
        if (b.asOf() != null && !b.asOf().isBlank()) {
            try {
                asOf = LocalDate.parse(b.asOf());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("asOf: '" + b.asOf() + "' is not a date; use YYYY-MM-DD, e.g. 2026-12-05");
            }
        }
        return new RunLauncher.Start(b.accounts(), b.regions(), asOf);
    }

    /** What {@code field} of the body must hold (or the body itself, for null), for a value of another JSON type. */
    static String shapeOf(String field) {
        if ("accounts".equals(field)) return "accounts must be an array of 12-digit account IDs as strings, e.g. [\"111111111111\"]";
        if ("regions".equals(field)) return "regions must be an array of region names as strings, e.g. [\"us-east-1\"]";
        if ("asOf".equals(field)) return "asOf must be a date as a string, YYYY-MM-DD, e.g. \"2026-12-05\"";
        return "the body must be a JSON object such as " + EXAMPLE;
    }

    /** 415 for a body that is not JSON by its {@code Content-Type} (text/plain, a form, none). */
    private static void json(String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType type = null;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            // answered below
        }
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest(name + ": '" + value + "' is not allowed; use a whole number from " + min + " to " + max);
    }

    /** An execution id from the path; anything but a number is no execution (404). */
    static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no job execution " + value);
        }
    }
}
