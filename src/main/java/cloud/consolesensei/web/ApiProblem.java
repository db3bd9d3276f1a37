package cloud.consolesensei.web;

import org.springframework.http.HttpStatus;

/**
 * A request the console or API refuses, with the HTTP status and a one-line reason that names the
 * value at fault (400), what holds the accounts (409), or what is missing (404, 410).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    public ApiProblem(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    /** The HTTP status to answer. */
    public HttpStatus status() {
        return status;
    }

    public static ApiProblem badRequest(String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, reason);
    }

    public static ApiProblem notFound(String reason) {
        return new ApiProblem(HttpStatus.NOT_FOUND, reason);
    }

    public static ApiProblem conflict(String reason) {
        return new ApiProblem(HttpStatus.CONFLICT, reason);
    }

    public static ApiProblem gone(String reason) {
        return new ApiProblem(HttpStatus.GONE, reason);
    }
}
