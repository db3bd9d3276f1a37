package cloud.consolesensei.web;

import cloud.consolesensei.web.api.ApiErrorBody;
import cloud.consolesensei.web.console.ConsoleHeader;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the console and the API, whichever controller (or none: an unknown path, a
 * method no mapping takes) it comes from: under {@code /api} the API's JSON body
 * {@code {"status": N, "error": "<one line>"}}, elsewhere the console's error page, both with the
 * HTTP status and a reason naming the value at fault. Spring Boot's own error JSON never answers.
 */
@ConditionalOnServe
@ControllerAdvice
public class WebErrors {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem p, HttpServletRequest req, HttpServletResponse res) throws IOException {
        return answer(req, res, p.status(), p.getMessage());
    }

    /**
     * A path variable or query parameter that is not of its type: an execution id that is no number
     * is no execution (404, as {@code /api/runs/{executionId}} answers); anything else is a 400.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        if ("executionId".equals(e.getName())) {
            return answer(req, res, HttpStatus.NOT_FOUND, "no job execution '" + e.getValue() + "' (execution ids are numbers)");
        }
        return answer(req, res, HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' is not " + kind(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return answer(req, res, HttpStatus.BAD_REQUEST, "the parameter '" + e.getParameterName() + "' is missing");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noSuchPath(HttpServletRequest req, HttpServletResponse res) throws IOException {
        return answer(req, res, HttpStatus.NOT_FOUND, "nothing at " + req.getRequestURI());
    }

    /** 405 with {@code Allow}: the path exists, the method does not. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        String allow = allowed == null ? "" : allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        res.setHeader(HttpHeaders.ALLOW, allow);
        return answer(req, res, HttpStatus.METHOD_NOT_ALLOWED, req.getMethod() + " is not allowed on " + req.getRequestURI()
                + (allow.isEmpty() ? "" : "; use " + allow));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return answer(req, res, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json, not "
                + (e.getContentType() == null ? "one without a Content-Type" : e.getContentType().getType() + "/" + e.getContentType().getSubtype()));
    }

    private static String kind(Class<?> type) {
        if (type == null) return "allowed";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        return "a " + type.getSimpleName();
    }

    /**
     * The answer for a request: the API's JSON body written here (an empty model and view: nothing
     * more to render), or the console's error page.
     */
    static ModelAndView answer(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String reason)
            throws IOException {
        return answer(isApi(req.getRequestURI(), req.getContextPath()), res, status, reason);
    }

    /** As {@link #answer(HttpServletRequest, HttpServletResponse, HttpStatus, String)}, for an API path or not. */
    static ModelAndView answer(boolean api, HttpServletResponse res, HttpStatus status, String reason) throws IOException {
        if (api) {
            ApiErrorBody.write(res, status, reason);
            return new ModelAndView();
        }
        res.setStatus(status.value());
        ModelAndView page = new ModelAndView("problem", status);
        ConsoleHeader.signedIn(page.getModelMap());
        page.addObject("status", status.value());
        page.addObject("reason", status.getReasonPhrase());
        page.addObject("message", reason);
        return page;
    }

    /** True for a path of the JSON API ({@code /api} and below). */
    public static boolean isApi(String uri, String contextPath) {
        String path = uri == null ? "" : uri.substring(contextPath == null ? 0 : Math.min(contextPath.length(), uri.length()));
        return path.equals("/api") || path.startsWith("/api/");
    }
}
