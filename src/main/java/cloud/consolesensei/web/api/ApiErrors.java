package cloud.consolesensei.web.api;

import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's errors as {@code {"status": 409, "error": "<one-line reason>"}}. */
@ConditionalOnServe
@RestControllerAdvice(assignableTypes = {RunsApi.class, ApiFallback.class})
public class ApiErrors {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem p) {
        return ResponseEntity.status(p.status()).body(ApiErrorBody.of(p.status(), p.getMessage()));
    }
}
