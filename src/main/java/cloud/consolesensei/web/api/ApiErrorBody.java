package cloud.consolesensei.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error the JSON API answers, {@code {"status": 409, "error": "<one line>"}}
 * (README, "Web console, HTTP API and metrics"), whether a controller refused the request or Spring
 * Security did before any controller ran (401, 403).
 */
public final class ApiErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrorBody() {
    }

    /** The body as a map, in the order the contract prints it. */
    public static Map<String, Object> of(HttpStatus status, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", error);
        return body;
    }

    /** Writes the body as the whole answer, with its status and {@code application/json}. */
    public static void write(HttpServletResponse res, HttpStatus status, String error) throws IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(JSON.writeValueAsString(of(status, error)));
    }

    /**
     * 401 with the HTTP Basic challenge for realm {@code realm}: no credentials, or wrong ones (the
     * answer does not say which, so a caller cannot probe user names).
     */
    public static AuthenticationEntryPoint unauthorized(String realm) {
        return (req, res, e) -> {
            res.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            write(res, HttpStatus.UNAUTHORIZED, "sign in with HTTP Basic (a console user's name and password)");
        };
    }

    /** 403 for a signed-in user whose role may not do this (a VIEWER's POST). */
    public static AccessDeniedHandler forbidden() {
        return (req, res, e) -> write(res, HttpStatus.FORBIDDEN,
                "your role may not " + req.getMethod() + " " + req.getRequestURI() + "; it needs ADMIN");
    }
}
